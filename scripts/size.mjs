// `npm run size`: the sizes of dist/claim-editor.js and its lazy chunks, minified and gzipped, and the budget:
// the initial module may exceed its dependencies alone by 25 KB gzipped at most. Exits with 1 when over.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildBundle, readerBuildOptions } from './build.mjs';

/** Our own code in the initial module may add this much, gzipped, to its dependencies. */
export const BUDGET_BYTES = 25 * 1024;

/** What the reader (dist/claim-article.js, Lit and the anchoring, no ProseMirror, no idb) may weigh, gzipped. */
export const READER_BUDGET_GZIPPED = 15 * 1024;

/** The reader module alone: the anchoring chunk loads only for an article changed since it was annotated. */
async function measureReader() {
  const result = await build({ ...readerBuildOptions, sourcemap: false, write: false, logLevel: 'silent' });
  return sizeOf(result.outputFiles.find((file) => /[\\/]claim-article\.js$/.test(file.path)).contents);
}

/** Each dependency by the entry points we import it through. */
const DEPENDENCIES = {
  lit: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js'],
  'prosemirror-model': ['prosemirror-model'],
  'prosemirror-state': ['prosemirror-state'],
  'prosemirror-view': ['prosemirror-view'],
  'prosemirror-transform': ['prosemirror-transform'],
  'prosemirror-history': ['prosemirror-history'],
  'prosemirror-keymap': ['prosemirror-keymap'],
  'prosemirror-commands': ['prosemirror-commands'],
  idb: ['idb'],
  'approx-string-match': ['approx-string-match'],
};

const sizeOf = (code) => ({ minified: code.length, gzipped: gzipSync(code, { level: 9 }).length });

/** The dependencies that these input files of a build belong to, by package name (lit-html and others: lit). */
function dependenciesIn(inputs) {
  const names = new Set();
  for (const input of inputs) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
    if (name) names.add(/^(lit-html|lit-element|@lit\/reactive-element)$/.test(name) ? 'lit' : name);
  }
  return names;
}

/**
 * Sizes in bytes of the built files: the initial module (what a page loads to
 * show and tag an article), each lazy chunk, all of them, the dependencies the
 * initial module holds (whole, as its floor), and our own code in it (the
 * difference).
 */
export async function measureSizes() {
  const { files: built, entry, initialInputs } = await buildBundle({ write: false, sourcemap: false });
  const files = [...built]
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, text]) => ({ path, initial: path === entry, ...sizeOf(Buffer.from(text)) }));
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  const held = dependenciesIn(initialInputs);
  const specifiers = Object.entries(DEPENDENCIES).flatMap(([name, entries]) => (held.has(name) ? entries : []));
  const floor = await build({
    stdin: { contents: specifiers.map((name, i) => `export * as d${i} from '${name}';`).join('\n'), resolveDir: '.' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const initial = files.find((file) => file.initial);
  const dependencies = {
    names: Object.keys(DEPENDENCIES).filter((name) => held.has(name)),
    ...sizeOf(floor.outputFiles[0].contents),
  };
  return {
    files,
    initial: { minified: initial.minified, gzipped: initial.gzipped },
    total: { minified: sum('minified'), gzipped: sum('gzipped') },
    dependencies,
    ownGzipped: initial.gzipped - dependencies.gzipped,
    budget: BUDGET_BYTES,
    reader: await measureReader(),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The table `npm run size` and the bench print. */
export function sizeTable(sizes) {
  const row = (size) => ({ minified: kb(size.minified), gzipped: kb(size.gzipped) });
  return {
    ...Object.fromEntries(sizes.files.map((file) => [`${file.path}${file.initial ? ' (initial)' : ''}`, row(file)])),
    'initial module': row(sizes.initial),
    'all files': row(sizes.total),
    'dependencies alone (whole)': row(sizes.dependencies),
    'our code in it (difference)': { minified: '', gzipped: kb(sizes.ownGzipped) },
    budget: { minified: '', gzipped: kb(sizes.budget) },
    'dist/claim-article.js (reader)': row(sizes.reader),
    'reader budget': { minified: '', gzipped: kb(READER_BUDGET_GZIPPED) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await measureSizes();
  console.log(JSON.stringify({ measure: 'bundle-size', ...sizes }));
  console.table(sizeTable(sizes));
  if (sizes.ownGzipped > sizes.budget) {
    console.error(
      `Over budget: our code in the initial module is ${kb(sizes.ownGzipped)} gzipped, more than ${kb(sizes.budget)}.`,
    );
    process.exitCode = 1;
  }
  if (sizes.reader.gzipped > READER_BUDGET_GZIPPED) {
    console.error(
      `dist/claim-article.js is ${kb(sizes.reader.gzipped)} gzipped, over its ${kb(READER_BUDGET_GZIPPED)} budget.`,
    );
    process.exitCode = 1;
  }
}
