import { ClaimDetails } from './claim-details.component.js';

export { ClaimDetails };

if (!customElements.get('claim-details')) customElements.define('claim-details', ClaimDetails);
