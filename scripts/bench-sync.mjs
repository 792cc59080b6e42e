// The team sync part of `npm run bench` (also `npm run bench:sync` alone): two
// Hocuspocus nodes sharing one Redis and one data directory, a browser context
// on each. Measures how long a change takes to appear in the other browser
// (100 note changes, one at a time, through both nodes), how many bytes the
// changing browser sends per change, and how long an empty browser takes to
// open a synced document of about 5,000 annotations from the server.
// Timings are reported, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { chromium } from '@playwright/test';
import { chromePath, chromeArgs } from './browser.mjs';
import { buildServer } from './build-server.mjs';
import { buildBenchPage } from './bench-page-build.mjs';
import { freePort, hasRedis, startRedis } from './redis-process.mjs';

const CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 100);
/** Paragraphs of the generated article opened from the server: 1,000 give about 5,000 annotations. */
const LARGE = Number(process.env.BENCH_SYNC_PARAGRAPHS ?? 1000);
const OPENS = 3;
const SECRET = 'sync-bench-secret';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Counts the bytes of the WebSocket frames `page` sends, from now on; read `sent.bytes`. */
function countSentBytes(page) {
  const sent = { bytes: 0 };
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      sent.bytes += typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    }),
  );
  return sent;
}

/**
 * Runs the sync measurements in `browser` against pages served at `origin`
 * (the repository root); returns one report line per measurement.
 */
export async function measureSync(browser, origin) {
  const { createSyncToken, startSyncServer } = await import('../dist/server/index.js');
  const redis = await startRedis();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'claim-sync-bench-'));
  const nodes = [];
  const contexts = [];
  try {
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      nodes.push({ port, server: await startSyncServer({ port, dataDirectory, redisUrl: redis.url, secret: SECRET }) });
    }
    const run = Date.now().toString(36);
    /** A page in a new (empty) browser context, on node `node`. */
    const openPage = async (node, options) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      const sent = countSentBytes(page);
      page.on('pageerror', (error) => console.error('sync bench page error:', error.message));
      await page.goto(`${origin}/bench/sync.html`);
      await page.waitForFunction(() => 'syncBench' in window);
      const token = createSyncToken({
        secret: SECRET,
        user: options.user,
        documents: [options.documentId],
        expiresInSeconds: 3600,
      });
      const opened = await page.evaluate((o) => window.syncBench.open(o), {
        ...options,
        url: `ws://127.0.0.1:${nodes[node].port}`,
        token,
      });
      return { page, opened, sent };
    };
    const lines = [];

    // A change, from one browser through node 0 and Redis and node 1 to the other browser.
    const small = { documentId: `bench-latency-${run}`, paragraphs: 5 };
    const { page: writer, sent } = await openPage(0, { ...small, user: 'Writer', seed: true });
    const { page: reader } = await openPage(1, { ...small, user: 'Reader', seed: false });
    const latencies = [];
    const bytesBefore = sent.bytes;
    for (let i = 0; i < CHANGES; i++) {
      const note = `Bench change ${i}: checked against the agency bulletin.`;
      // The reader listens before the writer changes anything.
      const arrival = reader.evaluate(
        ({ index, note }) =>
          new Promise((resolve) => {
            const list = document.querySelector('claim-editor').annotations;
            resolve(window.syncBench.arrival(list[index % list.length].id, note));
          }),
        { index: i, note },
      );
      await reader.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      const { at } = await writer.evaluate(({ index, note }) => window.syncBench.change(index, note), {
        index: i,
        note,
      });
      latencies.push((await arrival) - at);
    }
    const bytes = sent.bytes - bytesBefore;
    lines.push({
      measure: 'sync-change-visible',
      changes: CHANGES,
      unit: 'ms',
      median: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      max: round(Math.max(...latencies)),
      target: 'p95 ≤ 100 ms',
    });
    lines.push({ measure: 'sync-bytes-per-change', changes: CHANGES, unit: 'bytes', bytes: round(bytes / CHANGES, 0) });

    // An empty browser opening a large synced document from the server.
    const large = { documentId: `bench-open-${run}`, paragraphs: LARGE };
    const { opened: seeded } = await openPage(0, { ...large, user: 'Seeder', seed: true });
    // A first reader makes sure the server holds everything before the measured opens.
    await openPage(1, { ...large, user: 'Warm-up', seed: false });
    const opens = [];
    const connects = [];
    for (let i = 0; i < OPENS; i++) {
      const { page, opened } = await openPage(1, { ...large, user: `Reader ${i}`, seed: false });
      // Closed before the next open, so each opens beside the same others.
      await page.context().close();
      opens.push(opened.ms);
      connects.push(opened.connectedMs);
    }
    lines.push({
      measure: 'sync-open-from-server',
      annotations: seeded.annotations,
      unit: 'ms',
      median: round(percentile(opens, 50)),
      samples: opens.map((ms) => round(ms)),
      connectedMedian: round(percentile(connects, 50)),
      target: '< 1000 ms',
    });
    return lines;
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    for (const node of nodes) await node.server.close();
    await redis.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

/** Builds the sync bench page and the server (dist/server). */
export async function buildSyncBench() {
  await Promise.all([buildServer(), buildBenchPage('bench/sync-page.ts', 'dist/bench-sync-page.js')]);
}

/** Prints the sync lines as a table. */
export function printSync(lines) {
  console.log('\nTeam sync (two server nodes, one Redis; a browser context on each):');
  console.table(
    lines.map(({ measure, unit, median, p95, bytes, annotations, changes, target }) => ({
      measure,
      over: changes ? `${changes} changes` : `${annotations} annotations`,
      median: median === undefined ? '' : `${median} ${unit}`,
      p95: p95 === undefined ? '' : `${p95} ${unit}`,
      bytes: bytes ?? '',
      target: target ?? '',
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!hasRedis()) {
    console.error('bench:sync: no redis-server. Install it (Debian: "apt-get install redis-server").');
    process.exit(1);
  }
  await buildSyncBench();
  const server = await startDevServer({
    config: { rootDir: '.', port: 0, hostname: '127.0.0.1', watch: false },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
  try {
    const lines = await measureSync(browser, `http://127.0.0.1:${server.server.address().port}`);
    for (const line of lines) console.log(JSON.stringify(line));
    printSync(lines);
  } finally {
    await browser.close();
    await server.stop();
  }
}
