/**
 * What importing needs and showing or tagging an article does not: the
 * parsers of the import formats and the import plan. `dist/claim-editor.js`
 * loads it as a chunk of its own on the first import (`lazy-importer.ts`).
 */
export { parseImport } from '../../formats/parse-import.js';
export { planImport } from '../../editor/import-annotations.js';
