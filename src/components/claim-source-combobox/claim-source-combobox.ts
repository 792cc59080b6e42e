import { ClaimSourceCombobox } from './claim-source-combobox.component.js';

export { ClaimSourceCombobox };

if (!customElements.get('claim-source-combobox')) customElements.define('claim-source-combobox', ClaimSourceCombobox);
