// The team sync server for Node (`claim-provenance-editor/server`, `npm run sync-server`): dist/server/,
// dependencies left as imports from node_modules (better-sqlite3 is native).
import { build } from 'esbuild';

export const serverBuildOptions = {
  entryPoints: { index: 'src/server/index.ts', cli: 'src/server/cli.ts' },
  outdir: 'dist/server',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
};

export const buildServer = () => build(serverBuildOptions);

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
