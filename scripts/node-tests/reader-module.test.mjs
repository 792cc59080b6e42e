// dist/claim-article.js stays the light reader: none of the editor in it, and within its size budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { measureSizes, READER_BUDGET_GZIPPED } from '../size.mjs';

const root = new URL('../../', import.meta.url);

test('the reader module bundles no ProseMirror, no IndexedDB and no editor code', async () => {
  const result = await build({
    absWorkingDir: root.pathname,
    entryPoints: ['src/components/claim-article/claim-article.ts'],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: 'dist',
    write: false,
    metafile: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const forbidden = inputs.filter((path) => /prosemirror|[\\/]idb[\\/]|src[\\/](editor|storage)[\\/]/.test(path));
  assert.deepEqual(forbidden, []);
  // One file for the page: the entry imports no chunk; only the anchoring chunk is imported, lazily.
  const [entry] = Object.values(result.metafile.outputs).filter((output) => output.entryPoint);
  assert.deepEqual(
    entry.imports.filter((imported) => imported.kind !== 'dynamic-import'),
    [],
  );
});

test('the reader module is within its budget, gzipped with Lit', async () => {
  process.chdir(root.pathname);
  const { reader } = await measureSizes();
  assert.ok(reader.gzipped <= READER_BUDGET_GZIPPED, `${reader.gzipped} bytes > ${READER_BUDGET_GZIPPED}`);
});
