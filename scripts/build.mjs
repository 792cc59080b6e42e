// `npm run build`: dist/claim-editor.js, the ES module that registers the elements, and the chunks it loads
// lazily with import() relative to its own URL, beside it in dist/, so the folder works wherever it is copied;
// and dist/claim-article.js, the reader element's own module (no ProseMirror, no IndexedDB).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { minifyCss } from './minify-css.mjs';

/** esbuild's options for the code-split build; `npm run size` builds with the same ones. */
export const buildOptions = {
  entryPoints: { 'claim-editor': 'src/bundle.ts' },
  outdir: 'dist',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  metafile: true,
  plugins: [minifyCss],
};

const ENTRY = 'dist/claim-editor.js';
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Code-split, then folds the chunks the entry imports statically into the
 * entry, so a page that never asks for a lazy part loads one file: esbuild
 * puts code that the entry and a lazy chunk both use (if only its own
 * runtime helpers) into a chunk of its own. A lazy chunk then imports those
 * bindings from `./claim-editor.js`, which the page has loaded already.
 * `write` false: only returns the files (path → text), and the inputs of the initial module.
 */
export async function buildBundle({ write = true, sourcemap = true } = {}) {
  const split = await build({ ...buildOptions, sourcemap, write: false });
  const files = new Map(split.outputFiles.map((file) => [relative(file.path), file.text]));
  const outputs = split.metafile.outputs;
  const shared = outputs[ENTRY].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
  const lazy = Object.keys(outputs).filter(
    (path) => path !== ENTRY && !shared.includes(path) && !path.endsWith('.map'),
  );
  const reexports = [];
  const renamed = new Map();
  shared.forEach((chunk, n) => {
    const used = new Set(lazy.flatMap((path) => importsOf(files.get(path), chunk).flatMap((i) => i.names)));
    for (const name of used) {
      reexports.push(`export { ${name} as __shared${n}_${name} } from './${chunk.slice(5)}';`);
      renamed.set(`${chunk}#${name}`, `__shared${n}_${name}`);
    }
  });
  if (shared.length > 0) {
    const folded = await build({
      stdin: {
        contents: [`export * from './claim-editor.js';`, ...reexports].join('\n'),
        resolveDir: 'dist',
        sourcefile: 'claim-editor.js',
      },
      plugins: [externalLazy(lazy), inMemory(files)],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'eof',
      sourcemap,
      outfile: ENTRY,
      write: false,
      logLevel: 'warning',
    });
    for (const file of folded.outputFiles) files.set(relative(file.path), file.text);
    for (const chunk of shared) {
      files.delete(chunk);
      files.delete(`${chunk}.map`);
    }
    for (const path of lazy) {
      const { code, prepended } = importFromEntry(files.get(path), shared, renamed);
      files.set(path, code);
      // The new import is a line of its own above the chunk's code: its source map starts one line later.
      const map = files.get(`${path}.map`);
      if (map && prepended) files.set(`${path}.map`, map.replace('"mappings": "', '"mappings": ";'));
    }
  }
  if (write) {
    // Chunks are named by their content's hash: old ones would pile up.
    await rm('dist', { recursive: true, force: true });
    await mkdir('dist');
    for (const [path, text] of files) await writeFile(path, text);
  }
  const initialInputs = [ENTRY, ...shared].flatMap((path) => Object.keys(outputs[path].inputs));
  return { files, entry: ENTRY, lazy, initialInputs };
}

/** The `import{a as b}from"./chunk"` and `export{…}from` statements of minified `code` that name `chunk`. */
function importsOf(code, chunk) {
  const pattern = new RegExp(`(import|export)\\{([^}]*)\\}from"\\./${escape(chunk.slice(5))}";?`, 'g');
  return [...code.matchAll(pattern)].map(([statement, keyword, list]) => {
    const pairs = list.split(',').map((item) => item.split(' as '));
    return {
      statement,
      keyword,
      names: pairs.map(([name]) => name),
      locals: pairs.map(([name, local]) => local ?? name),
    };
  });
}

function relative(path) {
  return path.slice(path.lastIndexOf('/dist/') + 1);
}

/**
 * A lazy chunk's imports of the folded chunks, pointed at the entry and its
 * re-exported names: each import is blanked where it stood (the columns of
 * the source map stay right) and its replacement is `prepended` as a line.
 */
function importFromEntry(code, shared, renamed) {
  let out = code;
  const prepended = [];
  const blank = (text) => ' '.repeat(text.length);
  for (const chunk of shared) {
    const file = escape(chunk.slice(5));
    out = out.replace(new RegExp(`import"\\./${file}";`, 'g'), blank);
    for (const { statement, keyword, names, locals } of importsOf(out, chunk)) {
      const list = names.map((name, i) => `${renamed.get(`${chunk}#${name}`)} as ${locals[i]}`);
      prepended.push(`${keyword}{${list.join(',')}}from"./claim-editor.js";`);
      out = out.replace(statement, blank);
    }
    if (new RegExp(`["/]${file}"`).test(out))
      throw new Error(`${chunk} is still imported after folding it into ${ENTRY}`);
  }
  return { code: prepended.length > 0 ? `${prepended.join('')}\n${out}` : out, prepended: prepended.length > 0 };
}

function inMemory(files) {
  return {
    name: 'in-memory-dist',
    setup(b) {
      b.onResolve({ filter: /^\.\// }, (args) => {
        const path = `dist/${args.path.slice(2)}`;
        return files.has(path) ? { path, namespace: 'dist' } : undefined;
      });
      // The chunk's own source map, inline, so the folded entry's map still points at src/.
      b.onLoad({ filter: /.*/, namespace: 'dist' }, (args) => {
        const map = files.get(`${args.path}.map`);
        const code = files.get(args.path).replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
        const inline = map
          ? `//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}`
          : '';
        return { contents: `${code}\n${inline}\n`, loader: 'js', resolveDir: 'dist' };
      });
    },
  };
}

function externalLazy(lazy) {
  const names = new Set(lazy.map((path) => `./${path.slice(5)}`));
  return {
    name: 'external-lazy-chunks',
    setup(b) {
      b.onResolve({ filter: /^\.\// }, (args) =>
        names.has(args.path) ? { path: args.path, external: true } : undefined,
      );
    },
  };
}

/**
 * The reader: its own entry, so a public article page loads none of the editor; the anchoring it needs only for an
 * article that changed since it was annotated is a chunk beside it, loaded then.
 */
export const readerBuildOptions = {
  entryPoints: ['src/components/claim-article/claim-article.ts'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'claim-article-[name]-[hash]',
  splitting: true,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'eof',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  plugins: [minifyCss],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { lazy } = await buildBundle();
  console.log(`Built ${ENTRY} and its lazy chunks: ${lazy.join(', ')}`);
  // After the editor's build, which empties dist/ first.
  await build(readerBuildOptions);
  console.log('Built dist/claim-article.js');
}
