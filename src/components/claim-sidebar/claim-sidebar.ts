import { ClaimSidebar } from './claim-sidebar.component.js';

export { ClaimSidebar };

if (!customElements.get('claim-sidebar')) customElements.define('claim-sidebar', ClaimSidebar);
