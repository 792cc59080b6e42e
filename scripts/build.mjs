// `npm run build`: dist/claim-editor.js, one self-contained ES module that registers the elements.
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
