// `npm run build`: dist/claim-editor.js, one self-contained ES module that registers the elements,
// and dist/claim-article.js, the reader element's own module (no ProseMirror, no IndexedDB).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/define.ts'],
  outfile: 'dist/claim-editor.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'eof',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log('Built dist/claim-editor.js');

// The reader: its own entry, so a public article page loads none of the editor; the anchoring it needs only for an
// article that changed since it was annotated is a chunk beside it, loaded then.
await build({
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
});
console.log('Built dist/claim-article.js');
