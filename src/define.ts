/** Registers the custom elements; importing this module is what puts `<claim-editor>` on the page. */
import './components/claim-editor/claim-editor.js';
import './components/claim-sidebar/claim-sidebar.js';
import './components/claim-details/claim-details.js';
import './components/claim-transfer/claim-transfer.js';

export * from './index.js';
