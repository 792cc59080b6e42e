import { failed, ok, type JsonFormat, type ImportedAnnotation, type ParsedImport } from './format.js';
import { describe, FieldReader, isObject, readJson, type JsonObject } from './read-json.js';
import { PURPOSES, TAG_IRI, w3cWriter } from './w3c-write.js';

function idFromIri(iri: string): string {
  if (iri.startsWith('urn:uuid:')) return iri.slice('urn:uuid:'.length);
  if (iri.startsWith('urn:claim-provenance:annotation:')) {
    try {
      return decodeURIComponent(iri.slice('urn:claim-provenance:annotation:'.length));
    } catch {
      return iri;
    }
  }
  return iri;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function purposesOf(body: JsonObject): string[] {
  return asList(body.purpose).filter((p): p is string => typeof p === 'string');
}

/** Reads one W3C annotation; the tag comes from a classifying (or tagging, or plain) textual body. */
function readAnnotation(value: unknown, path: string, errors: string[]): ImportedAnnotation | undefined {
  if (!isObject(value)) {
    errors.push(`${path}: expected an annotation object, got ${describe(value)}.`);
    return undefined;
  }
  const before = errors.length;
  const read = new FieldReader(value, path, errors);
  const iri = read.string('id');
  const annotation: ImportedAnnotation = { tag: '', ...(iri ? { id: idFromIri(iri) } : {}) };
  annotation.created = read.date('created');
  annotation.modified = read.date('modified');
  const creator = asList(value.creator)[0];
  if (typeof creator === 'string') annotation.creator = creator;
  else if (isObject(creator)) {
    const name =
      new FieldReader(creator, `${path}.creator`, errors).string('name') ??
      new FieldReader(creator, `${path}.creator`, errors).string('nickname');
    if (name) annotation.creator = name;
  }

  const bodies = asList(value.body);
  if (typeof value.bodyValue === 'string') bodies.push({ type: 'TextualBody', value: value.bodyValue });
  bodies.forEach((body, i) => {
    const bodyPath = `${path}.body[${i}]`;
    if (typeof body === 'string') {
      if (!annotation.tag && body.startsWith(TAG_IRI)) annotation.tag = body.slice(TAG_IRI.length);
      return;
    }
    if (!isObject(body)) {
      errors.push(`${bodyPath}: expected an object or IRI, got ${describe(body)}.`);
      return;
    }
    const bodyReader = new FieldReader(body, bodyPath, errors);
    const text = bodyReader.string('value');
    const id = bodyReader.string('id') ?? (typeof body.source === 'string' ? body.source : undefined);
    const purposes = purposesOf(body);
    const field = (Object.keys(PURPOSES) as (keyof typeof PURPOSES)[]).find((key) => purposes.includes(PURPOSES[key]));
    if (field) {
      if (text && !annotation[field]) annotation[field] = text;
      return;
    }
    const classifies = purposes.length === 0 || purposes.includes('classifying') || purposes.includes('tagging');
    if (classifies && !annotation.tag) {
      if (id?.startsWith(TAG_IRI)) annotation.tag = id.slice(TAG_IRI.length);
      else if (text) annotation.tag = text;
    }
  });
  if (!annotation.tag) errors.push(`${path}: no tag (a TextualBody with purpose "classifying").`);

  const targets = asList(value.target);
  if (targets.length === 0) errors.push(`${path}.target: missing.`);
  const target = targets.find(isObject);
  if (target) {
    for (const [i, selector] of asList(target.selector).entries()) {
      if (!isObject(selector)) continue;
      const selectorReader = new FieldReader(selector, `${path}.target.selector[${i}]`, errors);
      if (selector.type === 'TextQuoteSelector') {
        annotation.quote = selectorReader.string('exact', true);
        annotation.prefix = selectorReader.string('prefix');
        annotation.suffix = selectorReader.string('suffix');
      } else if (selector.type === 'TextPositionSelector') {
        annotation.start = selectorReader.offset('start');
        annotation.end = selectorReader.offset('end');
        if (annotation.start === undefined || annotation.end === undefined || annotation.end < annotation.start) {
          errors.push(`${path}.target.selector[${i}]: a TextPositionSelector needs start ≤ end.`);
        }
      }
    }
    if (annotation.quote === undefined && annotation.start === undefined) {
      errors.push(`${path}.target: needs a TextQuoteSelector or a TextPositionSelector.`);
    }
  } else if (targets.length > 0) {
    errors.push(`${path}.target: a text selector is needed; a bare IRI does not say which text.`);
  }
  return errors.length === before ? annotation : undefined;
}

/**
 * The annotations of a collection (its first page inline, or, as many tools
 * write it, its `items` directly), a page, a list, or a single annotation.
 */
function annotationsIn(root: unknown): { items: unknown[]; path: string } | string {
  if (Array.isArray(root)) return { items: root, path: '' };
  if (!isObject(root)) return `Expected a W3C annotation, page or collection, got ${describe(root)}.`;
  const types = asList(root.type);
  if (types.includes('AnnotationCollection')) {
    const first = root.first;
    if (isObject(first)) return { items: asList(first.items), path: 'first.items' };
    if (first === undefined && root.items !== undefined) return { items: asList(root.items), path: 'items' };
    if (first === undefined && root.total === 0) return { items: [], path: 'first.items' };
    return 'The collection’s first page must be included (a page given by IRI cannot be fetched).';
  }
  if (types.includes('AnnotationPage')) return { items: asList(root.items), path: 'items' };
  if (types.includes('Annotation')) return { items: [root], path: '' };
  return 'Not a W3C Web Annotation: "type" must be Annotation, AnnotationPage or AnnotationCollection.';
}

/**
 * W3C Web Annotation JSON-LD: an AnnotationCollection whose annotations carry
 * a TextQuoteSelector and a TextPositionSelector, the tag as a classifying
 * TextualBody (value: the label) beside a classifying SpecificResource whose
 * source is `urn:claim-provenance:tag:<tag>`,
 * the source as `identifying`, the note as `commenting` and the verdict as
 * `assessing`. Import reads annotations from other tools too: quote-only or
 * position-only targets, tags as plain textual bodies.
 */
export const w3cFormat: JsonFormat<ParsedImport> = {
  ...w3cWriter,

  parse(input) {
    const read = readJson(input);
    return read.ok ? w3cFormat.parseValue(read.value) : read;
  },

  parseValue(value) {
    const found = annotationsIn(value);
    if (typeof found === 'string') return failed(found);
    const errors: string[] = [];
    const annotations = found.items
      .map((item, index) => readAnnotation(item, found.path ? `${found.path}[${index}]` : `[${index}]`, errors))
      .filter((annotation): annotation is ImportedAnnotation => !!annotation);
    return errors.length > 0 ? { ok: false, errors } : ok({ format: 'w3c', annotations });
  },
};
