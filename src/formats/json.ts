import type { Node as PMNode } from 'prosemirror-model';
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
import { jsonWriter, NATIVE_FORMAT, NATIVE_VERSION } from './json-write.js';

export { NATIVE_FORMAT, NATIVE_VERSION };

/**
 * Native JSON: `{format: "claim-provenance", version, exported, document,
 * taxonomy, annotations}`. Importing it into an empty editor restores the
 * article and every annotation exactly.
 */
export const jsonFormat: JsonFormat<ParsedImport> = {
  ...jsonWriter,

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
