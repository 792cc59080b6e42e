/** Registers the custom elements; importing this module is what puts `<claim-editor>` on the page. */
// First: the article on the page must not hide document methods that Lit reads as it loads.
import './components/shared/document-guard.js';
import './components/claim-editor/claim-editor.js';
import './components/claim-sidebar/claim-sidebar.js';
import './components/claim-details/claim-details.js';
import './components/claim-transfer/claim-transfer.js';
