// `npm run bench`: drives the product in headless Chromium beside a plain
// ProseMirror baseline (same schema, same document, no annotations, no Lit)
// and prints one JSON line per measurement, then a table of medians and
// ratios. Not part of `npm test`: timings on a noisy 2-core machine are
// reported, never asserted.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { buildBenchPage } from './bench-page-build.mjs';
import { startDevServer } from '@web/dev-server';
import { chromium } from '@playwright/test';
import { chromePath, chromeArgs } from './browser.mjs';
import { measureSizes, sizeTable } from './size.mjs';
import { hasRedis } from './redis-process.mjs';
import { buildSyncBench, measureSync, printSync } from './bench-sync.mjs';

if (!existsSync(chromePath)) {
  console.error(
    `bench: no Chromium at ${chromePath}. Install it (Debian: "apt-get install chromium") or set CHROME_PATH.`,
  );
  process.exit(1);
}

const sizes = (process.env.BENCH_SIZES ?? '100,1000,3000').split(',').map(Number);
/** Repetitions per measurement; fewer on the largest article so the whole run stays within a few minutes. */
const repeats = (paragraphs) => (paragraphs >= 3000 ? 3 : 5);
const KEYSTROKES = 15;
const TAGS = 10;

const syncBench = hasRedis();
if (syncBench) await buildSyncBench();
else console.error('bench: no redis-server, so no team sync figures (Debian: "apt-get install redis-server").');

await buildBenchPage('bench/bench-page.ts', 'dist/bench-page.js');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const lines = [];
function report(line) {
  lines.push(line);
  console.log(JSON.stringify(line));
}

/** One measurement on both sides: medians, and the ratio product / baseline. */
function compare(measure, fixture, product, baseline, unit = 'ms') {
  const p = median(product);
  const b = median(baseline);
  // A baseline below the timer's resolution has no meaningful ratio.
  report({
    measure,
    ...fixture,
    unit,
    product: round(p, 2),
    baseline: round(b, 2),
    ratio: b > 0 ? round(p / b, 2) : null,
    samples: { product: product.map((v) => round(v, 2)), baseline: baseline.map((v) => round(v, 2)) },
  });
}

/** Runs one measurement; a failure is reported, the run goes on, and the bench exits non-zero. */
async function attempt(measure, fixture, run) {
  try {
    await run();
  } catch (error) {
    report({ measure, ...fixture, error: String(error.message ?? error).split('\n')[0] });
    process.exitCode = 1;
  }
}

const server = await startDevServer({
  config: { rootDir: '.', port: 0, hostname: '127.0.0.1', watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const { port } = server.server.address();
const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
const started = Date.now();
try {
  // One context, so that the heap measurement's fresh pages see the same IndexedDB.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  page.on('console', (message) => message.type() === 'error' && console.error('page console:', message.text()));
  await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const call = (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);

  // Re-anchoring (bench/measure-reanchoring.ts): evaluation corpus figures, then 5,000 annotations on a changed article.
  await attempt('reanchoring', {}, async () => {
    const { corpus, samples, ...reanchoring } = await call('measureReanchoring');
    report({ ...reanchoring, unit: 'ms', samples: samples.map((v) => round(v, 1)) });
    for (const kind of corpus) report({ measure: 'reanchoring-corpus', ...kind });
  });

  for (const paragraphs of sizes) {
    const fixture = await call('prepare', paragraphs);
    const runs = repeats(paragraphs);
    /** `runs` samples per side, baseline and product taking turns, each measured on a new editor then disposed of. */
    const alternate = async (measure) => {
      const samples = { product: [], baseline: [] };
      for (let i = 0; i < runs; i++) {
        for (const side of ['baseline', 'product']) {
          samples[side].push(await call(measure, side));
          await call('dispose', side);
        }
      }
      return samples;
    };
    const load = await alternate('load');
    compare('load-to-interactive', fixture, load.product, load.baseline);

    // Heap: a fresh page per side opens the saved document and holds nothing else.
    const databases = await call('databases');
    const heapAfterLoad = { product: [], baseline: [] };
    for (let i = 0; i < 3; i++) {
      for (const side of ['baseline', 'product']) {
        const fresh = await context.newPage();
        const freshCdp = await fresh.context().newCDPSession(fresh);
        await fresh.goto(`http://127.0.0.1:${port}/bench/index.html`);
        await fresh.waitForFunction(() => 'bench' in window);
        await fresh.evaluate(([s, name]) => window.bench.openSaved(s, name), [side, databases[side]]);
        await freshCdp.send('HeapProfiler.collectGarbage');
        heapAfterLoad[side].push((await freshCdp.send('Runtime.getHeapUsage')).usedSize / 1048576);
        await fresh.close();
      }
    }
    compare('heap-after-load', fixture, heapAfterLoad.product, heapAfterLoad.baseline, 'MiB');

    const fromStorage = await alternate('loadFromStorage');
    compare('load-from-indexeddb', fixture, fromStorage.product, fromStorage.baseline);

    for (const side of ['baseline', 'product']) await call('load', side);
    compare(
      'keystroke-edit-mode',
      fixture,
      await call('keystrokes', 'product', KEYSTROKES),
      await call('keystrokes', 'baseline', KEYSTROKES),
    );
    // Keystroke inside a CMS form (bench/measure-form.ts).
    const inForm = await call('formKeystrokes', KEYSTROKES);
    compare('keystroke-in-form', fixture, inForm.product, inForm.baseline);
    compare('tag-sentence', fixture, await call('tags', 'product', TAGS), await call('tags', 'baseline', TAGS));
    await attempt('sidebar-scroll', fixture, async () => {
      const scroll = { product: await call('scrollList', 'product'), baseline: await call('scrollList', 'baseline') };
      report({
        measure: 'sidebar-scroll',
        ...fixture,
        unit: 'ms',
        product: scroll.product,
        baseline: scroll.baseline,
        ratio: round(scroll.product.slowestFrame / scroll.baseline.slowestFrame, 2),
      });
    });
    const exports = {
      product: await call('exports', 'product', runs),
      baseline: await call('exports', 'baseline', runs),
    };
    compare('export-w3c', fixture, exports.product.w3c, exports.baseline.w3c);
    compare('export-html', fixture, exports.product.html, exports.baseline.html);
    compare('import-json', fixture, exports.product.importJson, exports.baseline.importJson);
    await call('finish');

    const writes = await call('measureStorageWrites', paragraphs);
    report({ ...fixture, ...writes });
  }

  // Many annotations on one paragraph against the same sentences one per paragraph (bench/dense-paragraph.ts).
  const denseSentences = Number(process.env.BENCH_DENSE_SENTENCES ?? 2000);
  const densePer = Number(process.env.BENCH_DENSE_PER_SENTENCE ?? 50);
  for (const layout of ['one-per-paragraph', 'one-paragraph']) {
    await attempt('dense', { layout }, async () => {
      const timing = await call('dense', layout, denseSentences, densePer, 5);
      report({
        measure: 'dense',
        ...timing,
        unit: 'ms',
        import: round(timing.import),
        firstFrame: round(timing.firstFrame),
        addMedian: round(median(timing.adds)),
        adds: timing.adds.map((v) => round(v)),
      });
    });
  }

  // Team sync (scripts/bench-sync.mjs): two server nodes, one Redis, a browser context on each.
  if (syncBench)
    await attempt('sync', {}, async () => {
      for (const line of await measureSync(browser, `http://127.0.0.1:${port}`)) report(line);
    });

  const bundle = await measureSizes();
  report({
    measure: 'bundle-size',
    unit: 'bytes',
    ...bundle,
    ratio: round(bundle.initial.gzipped / bundle.dependencies.gzipped, 2),
  });

  const browserVersion = browser.version();
  console.log(
    `\nclaim-editor bench: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${round(os.totalmem() / 2 ** 30, 0)} GiB, Chromium ${browserVersion}, ${round((Date.now() - started) / 1000, 0)} s`,
  );
  console.log('Medians; ratio = product / plain ProseMirror (baseline).\n');
  const table = lines
    .filter((line) => line.product !== undefined && typeof line.product === 'number')
    .map((line) => ({
      measure: line.measure,
      paragraphs: line.paragraphs,
      annotations: line.annotations,
      product: `${line.product} ${line.unit}`,
      baseline: `${line.baseline} ${line.unit}`,
      ratio: line.ratio,
    }));
  console.table(table);
  console.log('\nSidebar scroll, end to end (slowest frame; long tasks over 50 ms):');
  console.table(
    lines
      .filter((line) => line.measure === 'sidebar-scroll')
      .map((line) => ({
        annotations: line.annotations,
        'product slowest frame': `${round(line.product.slowestFrame)} ms`,
        'product long tasks': line.product.longTasks,
        'baseline slowest frame': `${round(line.baseline.slowestFrame)} ms`,
        'baseline long tasks': line.baseline.longTasks,
      })),
  );
  console.log('\nMany annotations on one paragraph, against one sentence per paragraph:');
  console.table(
    lines
      .filter((line) => line.measure === 'dense' && line.import !== undefined)
      .map(({ layout, annotations, blocks, import: imported, firstFrame, addMedian }) => ({
        layout,
        annotations,
        'drawn blocks': blocks,
        import: `${imported} ms`,
        'first frame': `${firstFrame} ms`,
        'add (median)': `${addMedian} ms`,
      })),
  );
  console.log('\nIndexedDB writes for one annotation change (a tag, then a source edit):');
  console.table(
    lines
      .filter((line) => line.measure === 'storage-writes-per-change')
      .map(({ annotations, records, bytes }) => ({ annotations, records, bytes })),
  );
  console.log('\nBundle size (the initial module, each chunk, the total):');
  console.table(sizeTable(bundle));
  // Re-anchoring (bench/measure-reanchoring.ts).
  console.log(
    '\nRe-anchoring: evaluation corpus (right / wrong / missed per kind of change), then one article changed:',
  );
  console.table(
    lines
      .filter((line) => line.measure === 'reanchoring-corpus')
      .map(({ kind, right, wrong, missed }) => ({ kind, right, wrong, missed })),
  );
  console.table(
    lines
      .filter((line) => line.measure === 'reanchoring')
      .map(({ paragraphs, annotations, median, reanchored, orphaned }) => ({
        paragraphs,
        annotations,
        'median ms': round(median),
        reanchored,
        orphaned,
      })),
  );
  const syncLines = lines.filter((line) => line.measure?.startsWith('sync-'));
  if (syncLines.length > 0) printSync(syncLines);
} finally {
  await browser.close();
  await server.stop();
}
