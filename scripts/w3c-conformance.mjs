// An extra check for CI: validates a sample `w3c` export against the W3C
// annotation-model conformance schemas in the folder given (.ci/run passes
// one when CI has it). Nothing outside the repository is read by default: the
// tests carry the project's own schema.
//
//   node scripts/w3c-conformance.mjs <conformance-folder>
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Ajv from 'ajv-draft-04';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.argv[2]) {
  console.error('Usage: node scripts/w3c-conformance.mjs <conformance-folder>');
  process.exit(2);
}
const folder = resolve(process.argv[2], 'w3c-annotation-model');
if (!existsSync(folder)) {
  console.log(`W3C conformance: no schemas at ${folder}, skipped.`);
  process.exit(0);
}

/** The W3C format and the default taxonomy, bundled from the sources for Node. */
async function loadFormat() {
  const result = await build({
    stdin: {
      contents:
        "export { w3cFormat } from './src/formats/w3c.ts'; export { DEFAULT_TAXONOMY } from './src/model/taxonomy.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/** A sample export: invented text, every optional field on one annotation, none on another. */
function sampleExport({ w3cFormat, DEFAULT_TAXONOMY }) {
  const text = 'The ministry said the new bridge will open in May.\nEngineers at the site expect a delay of a year.';
  const annotation = (quote, fields) => {
    const start = text.indexOf(quote);
    return {
      id: fields.id,
      start,
      end: start + quote.length,
      quote,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + quote.length, start + quote.length + 32),
      created: '2025-04-01T08:00:00.000Z',
      modified: '2025-04-01T09:30:00.000Z',
      status: 'anchored',
      ...fields,
    };
  };
  return w3cFormat.serialize({
    document: { id: 'bridge report/1', title: 'Bridge opening', text, content: null },
    taxonomy: DEFAULT_TAXONOMY,
    annotations: [
      annotation('the new bridge will open in May', {
        id: '3d7f1a52-9c4e-4b8a-a1f0-2e6d5c4b3a21',
        tag: 'state-media-claim',
        source: 'Ministry statement',
        note: 'No date given by the builder.',
        verdict: 'Unproven',
        creator: 'Desk reviewer',
      }),
      annotation('expect a delay of a year', { id: 'desk-2', tag: 'reported-fact' }),
    ],
    generated: '2025-04-02T12:00:00.000Z',
  });
}

const readJson = (path) => JSON.parse(readFileSync(join(folder, path), 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/i);
ajv.addFormat(
  'date-time',
  (value) =>
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
);
for (const name of [
  'annotations',
  'bodyTarget',
  'choiceSet',
  'collections',
  'id',
  'otherProperties',
  'specificResource',
]) {
  ajv.addSchema(readJson(`definitions/${name}.json`));
}

const collection = JSON.parse(sampleExport(await loadFormat()));
const failures = [];
let checks = 0;
const check = (label, schema, value, expected = 'valid') => {
  checks += 1;
  const validate = ajv.compile(schema);
  const result = validate(value) ? 'valid' : 'invalid';
  if (result !== expected)
    failures.push(`${label}: ${result}, expected ${expected} ${JSON.stringify(validate.errors)}`);
};

const collectionRef = (name) => ({ $ref: `collections.json#/definitions/${name}` });
for (const name of [
  'annotationCollectionTypeValueFound',
  'labelFound',
  'totalFound',
  'firstFound',
  'firstRequiredIfTotalMoreThanZero',
  'lastValidIfPresent',
]) {
  check(`collection ${name}`, collectionRef(name), collection);
}
check('collection contextValueFound', collectionRef('contextValueFound'), collection['@context']);
for (const name of [
  'annotationPageTypeValueFound',
  'startIndexDefinition',
  'itemsFound',
  'partOfValidIfPresent',
  'nextValidIfPresent',
  'prevValidIfPresent',
]) {
  check(`first page ${name}`, collectionRef(name), collection.first);
}
for (const path of readJson('annotations/annotationMusts.test').assertions) {
  const schema = readJson(path);
  for (const [i, item] of collection.first.items.entries()) {
    check(`items[${i}] ${path}`, schema, item, schema.expectedResult === 'invalid' ? 'invalid' : 'valid');
  }
}

for (const failure of failures) console.error(failure);
console.log(`W3C conformance: ${checks - failures.length} of ${checks} checks passed.`);
process.exit(failures.length === 0 ? 0 : 1);
