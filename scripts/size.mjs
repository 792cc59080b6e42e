// `npm run size`: the bundle's size, minified and gzipped, beside its dependencies alone.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const DEPENDENCIES = [
  'lit',
  'lit/decorators.js',
  'lit/directives/repeat.js',
  'prosemirror-model',
  'prosemirror-state',
  'prosemirror-view',
  'prosemirror-transform',
  'prosemirror-history',
  'prosemirror-keymap',
  'prosemirror-commands',
  'idb',
  'approx-string-match',
];

/** The reader element's own module (dist/claim-article.js): Lit and the anchoring, no ProseMirror, no idb. */
const READER_ENTRY = 'src/components/claim-article/claim-article.ts';
/** What the reader may weigh, minified and gzipped, with Lit. */
export const READER_BUDGET_GZIPPED = 15 * 1024;

async function bundle(options) {
  const result = await build({
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    ...options,
  });
  const code = (result.outputFiles.find((file) => /[\\/]claim-article\.js$/.test(file.path)) ?? result.outputFiles[0])
    .contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Sizes in bytes: the full bundle, the dependencies alone (whole, as the bundle's floor), and our code. */
export async function measureSizes() {
  const full = await bundle({ entryPoints: ['src/define.ts'], tsconfig: 'tsconfig.json' });
  const dependencies = await bundle({
    stdin: { contents: DEPENDENCIES.map((name, i) => `export * as d${i} from '${name}';`).join('\n'), resolveDir: '.' },
  });
  return {
    bundle: full,
    dependencies,
    ownGzipped: full.gzipped - dependencies.gzipped,
    // The entry alone: the anchoring chunk loads only for an article changed since it was annotated.
    reader: await bundle({
      entryPoints: [READER_ENTRY],
      tsconfig: 'tsconfig.json',
      splitting: true,
      outdir: 'dist',
      entryNames: '[name]',
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await measureSizes();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(JSON.stringify({ measure: 'bundle-size', ...sizes }));
  console.table({
    'dist/claim-editor.js': { minified: kb(sizes.bundle.minified), gzipped: kb(sizes.bundle.gzipped) },
    'dependencies alone': { minified: kb(sizes.dependencies.minified), gzipped: kb(sizes.dependencies.gzipped) },
    'our code (difference)': {
      minified: kb(sizes.bundle.minified - sizes.dependencies.minified),
      gzipped: kb(sizes.ownGzipped),
    },
    'dist/claim-article.js (reader)': { minified: kb(sizes.reader.minified), gzipped: kb(sizes.reader.gzipped) },
  });
  if (sizes.reader.gzipped > READER_BUDGET_GZIPPED) {
    console.error(
      `dist/claim-article.js is ${kb(sizes.reader.gzipped)} gzipped, over its ${kb(READER_BUDGET_GZIPPED)} budget.`,
    );
    process.exitCode = 1;
  }
}
