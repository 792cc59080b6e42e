import { ClaimEditor } from './claim-editor.component.js';

export { ClaimEditor };

if (!customElements.get('claim-editor')) customElements.define('claim-editor', ClaimEditor);
