import { build } from 'esbuild';

/** Bundles a bench page's script (`bench/<name>.ts`) as the product ships: one minified ES module. */
export function buildBenchPage(entryPoint, outfile) {
  return build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
}
