// `npm run bench`: drives the product in headless Chromium and prints one JSON
// line per measurement, then a table. Not part of `npm test`: timings and sizes
// on a noisy 2-core machine are reported, never asserted.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { startDevServer } from '@web/dev-server';
import { chromium } from '@playwright/test';
import { chromePath, chromeArgs } from './browser.mjs';
import { measureSizes } from './size.mjs';

if (!existsSync(chromePath)) {
  console.error(`bench: no Chromium at ${chromePath}. Install it (Debian: "apt-get install chromium") or set CHROME_PATH.`);
  process.exit(1);
}

const sizes = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);

await build({
  entryPoints: ['bench/bench-page.ts'],
  outfile: 'dist/bench-page.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});

const server = await startDevServer({
  config: { rootDir: '.', port: 0, hostname: '127.0.0.1', watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const { port } = server.server.address();
const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
  await page.waitForFunction(() => 'runBench' in window);
  const results = await page.evaluate((list) => window.runBench(list), sizes);
  for (const result of results) console.log(JSON.stringify(result));
  console.log('\nIndexedDB writes for one annotation change (a tag, then a source edit):');
  console.table(
    results.map((r) => ({ paragraphs: r.paragraphs, annotations: r.annotations, records: r.records, bytes: r.bytes })),
  );
  const sizes = await measureSizes();
  console.log(JSON.stringify({ measure: 'bundle-size', ...sizes }));
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('\nBundle size (minified + gzipped):');
  console.table({
    'dist/claim-editor.js': kb(sizes.bundle.gzipped),
    'dependencies alone': kb(sizes.dependencies.gzipped),
    'our code (difference)': kb(sizes.ownGzipped),
  });
} finally {
  await browser.close();
  await server.stop();
}
