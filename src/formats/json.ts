import type { Node as PMNode } from 'prosemirror-model';
import { ok, type ExportSource, type JsonFormat, type ParsedImport } from './format.js';
import { FieldReader, isObject, readJson } from './read-json.js';
import { readArticleJSON } from '../editor/article.js';
import { jsonWriter } from './json-write.js';
import { readNativeParts } from './native-file.js';
import { validateArticleMeta, type ArticleMeta } from '../model/article-meta.js';

export { NATIVE_FORMAT, NATIVE_VERSION } from './native-file.js';

/** The file's `document.meta`, checked as `articleMeta` is; a bad value is an error, so the import is refused. */
function readMeta(value: unknown, errors: string[]): ArticleMeta | undefined {
  if (value === undefined) return undefined;
  try {
    const meta = validateArticleMeta(value);
    return Object.keys(meta).length > 0 ? meta : undefined;
  } catch (error) {
    errors.push(`document.meta: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Native JSON: `{format: "claim-provenance", version, exported, document,
 * taxonomy, annotations}`; `document.meta` holds the article's metadata
 * (`articleMeta`) when any is known. Importing it into an empty editor restores the
 * article and every annotation exactly.
 */
export const jsonFormat: JsonFormat<ParsedImport> = {
  ...jsonWriter,

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
        const meta = readMeta(file.document.meta, errors);
        if (text !== undefined) {
          // The article is checked against the schema here, before anything is built from it.
          const article = readArticleJSON(file.document.content, text);
          if (article.ok) {
            document = { ...(id ? { id } : {}), title, text, content: article.doc.toJSON(), ...(meta ? { meta } : {}) };
            doc = article.doc;
          } else errors.push(`document.content: the article cannot be read: ${article.error}.`);
        }
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    return ok({ format: 'json', annotations, document, ...(doc ? { article: doc } : {}), taxonomy });
  },
};
