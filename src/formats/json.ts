import type { Node as PMNode } from 'prosemirror-model';
import type { Annotation } from '../model/annotation.js';
import { readAnnotationFields } from '../model/annotation-reader.js';
import { validateTaxonomy, type Tag } from '../model/taxonomy.js';
import {
  failed,
  ok,
  type ExportSource,
  type JsonFormat,
  type ImportedAnnotation,
  type ParsedImport,
} from './format.js';
import { FieldReader, isObject, readJson } from './read-json.js';
import { readArticleJSON } from '../editor/article.js';
import { validateArticleMeta, type ArticleMeta } from '../model/article-meta.js';

export const NATIVE_FORMAT = 'claim-provenance';
export const NATIVE_VERSION = 1;

/** The native file: versioned, holding the article, the taxonomy and every annotation field. */
export interface NativeFile {
  format: typeof NATIVE_FORMAT;
  version: number;
  exported: string;
  document: ExportSource['document'];
  taxonomy: Tag[];
  annotations: Annotation[];
}

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

  parseValue(file) {
    if (!isObject(file) || file.format !== NATIVE_FORMAT) {
      return failed(`Not a claim-provenance file (expected "format": "${NATIVE_FORMAT}").`);
    }
    if (typeof file.version !== 'number' || file.version > NATIVE_VERSION || file.version < 1) {
      return failed(
        `Unsupported claim-provenance file version ${JSON.stringify(file.version)} (this editor reads version ${NATIVE_VERSION}).`,
      );
    }
    if (!Array.isArray(file.annotations)) return failed('annotations: expected a list.');
    const errors: string[] = [];
    const annotations = file.annotations
      .map((value, index) => readAnnotationFields(value, `annotations[${index}]`, errors))
      .filter((annotation): annotation is ImportedAnnotation => !!annotation);
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
    let taxonomy: Tag[] | undefined;
    if (file.taxonomy !== undefined) {
      try {
        taxonomy = [...validateTaxonomy(file.taxonomy as Tag[])];
      } catch (error) {
        errors.push(`taxonomy: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    return ok({ format: 'json', annotations, document, ...(doc ? { article: doc } : {}), taxonomy });
  },
};
