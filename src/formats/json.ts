import type { Node as PMNode } from 'prosemirror-model';
import type { Annotation } from '../model/annotation.js';
import type { Tag } from '../model/taxonomy.js';
import { ok, type ExportSource, type JsonFormat, type ParsedImport } from './format.js';
import { FieldReader, isObject, readJson } from './read-json.js';
import { readArticleJSON } from '../editor/article.js';
import { NATIVE_FORMAT, NATIVE_VERSION, readNativeParts } from './native-file.js';

export { NATIVE_FORMAT, NATIVE_VERSION } from './native-file.js';

/** The native file: versioned, holding the article, the taxonomy and every annotation field. */
export interface NativeFile {
  format: typeof NATIVE_FORMAT;
  version: number;
  exported: string;
  document: ExportSource['document'];
  taxonomy: Tag[];
  annotations: Annotation[];
}

/**
 * Native JSON: `{format: "claim-provenance", version, exported, document,
 * taxonomy, annotations}`. Importing it into an empty editor restores the
 * article and every annotation exactly.
 */
export const jsonFormat: JsonFormat<ParsedImport> = {
  label: 'Backup of article and annotations (JSON)',
  fileName: 'claims.json',
  mediaType: 'application/json',

  serialize(source) {
    const file: NativeFile = {
      format: NATIVE_FORMAT,
      version: NATIVE_VERSION,
      exported: source.generated,
      document: source.document,
      taxonomy: source.taxonomy.map((tag) => ({ ...tag })),
      annotations: source.annotations.map((annotation) => ({ ...annotation })),
    };
    return JSON.stringify(file, null, 2);
  },

  parse(input) {
    const read = readJson(input);
    return read.ok ? jsonFormat.parseValue(read.value) : read;
  },

  parseValue(value) {
    const errors: string[] = [];
    const parts = readNativeParts(value, errors);
    if (!parts.ok) return parts;
    const { file, annotations, taxonomy } = parts.value;
    let document: ExportSource['document'] | undefined;
    let doc: PMNode | undefined;
    if (file.document !== undefined) {
      if (!isObject(file.document)) errors.push('document: expected an object.');
      else {
        const reader = new FieldReader(file.document, 'document', errors);
        const text = reader.string('text', true, Number.POSITIVE_INFINITY);
        const title = reader.string('title') ?? '';
        const id = reader.string('id');
        if (text !== undefined) {
          // The article is checked against the schema here, before anything is built from it.
          const article = readArticleJSON(file.document.content, text);
          if (article.ok) {
            document = { ...(id ? { id } : {}), title, text, content: article.doc.toJSON() };
            doc = article.doc;
          } else errors.push(`document.content: the article cannot be read: ${article.error}.`);
        }
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    return ok({ format: 'json', annotations, document, ...(doc ? { article: doc } : {}), taxonomy });
  },
};
