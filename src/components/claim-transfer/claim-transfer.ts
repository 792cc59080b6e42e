import { ClaimTransfer } from './claim-transfer.component.js';

export { ClaimTransfer };

if (!customElements.get('claim-transfer')) customElements.define('claim-transfer', ClaimTransfer);
