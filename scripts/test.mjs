// `npm test`: type check, the unit and component tests (@web/test-runner) in
// Chromium, Firefox and WebKit one after the other, then the end-to-end tests
// (Playwright, Chromium), a line per engine and one closing line with the
// real totals; the tooling checks (node:test, scripts/node-tests/) count too.
// TEST_ENGINES=chromium,firefox limits the engines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { engines as allEngines } from './browser.mjs';
import { ensureBrowsers } from './ensure-browser.mjs';
// Installs Debian's redis-server for the team sync tests when it can, or says how in one line.
import './ensure-redis.mjs';
import { wtrResultsFile } from './counting-reporter.mjs';

const playwrightResultsFile = 'test-results/playwright.json';
const LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };
const engines = process.env.TEST_ENGINES ? process.env.TEST_ENGINES.split(',').map((e) => e.trim()) : allEngines;
for (const engine of engines) {
  if (!allEngines.includes(engine)) {
    console.error(`TEST_ENGINES: unknown engine "${engine}" (known: ${allEngines.join(', ')}).`);
    process.exit(1);
  }
}

function run(command, args, env = {}) {
  console.log(
    `\n> ${Object.entries(env)
      .map(([k, v]) => `${k}=${v} `)
      .join('')}${command} ${args.join(' ')}`,
  );
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** A run that wrote no counts (a missing browser, a crash) counts as one failure. */
const NO_COUNTS = { passed: 0, failed: 1, skipped: 0 };

// End-to-end tests need Chromium whatever engines run.
const missing = ensureBrowsers([...new Set(['chromium', ...engines])]);
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results');

const lines = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (label, counts) => {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(
    `${label}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
  );
};

const typesOk = run('npx', ['tsc', '--noEmit']);
const lintOk = run('npx', ['eslint', '.']);
const formatOk = run('npx', ['prettier', '--check', '.']);

// Checks of the tooling (node:test), before the manifest is rewritten below:
// one of them compares the tracked custom-elements.json with the analyzer's output.
const nodeTap = 'test-results/node.tap';
let runsOk = run('node', [
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${nodeTap}`,
  'scripts/node-tests/',
]);
const tapCount = (tap, name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
const tap = existsSync(nodeTap) ? readFileSync(nodeTap, 'utf8') : undefined;
add(
  'node (tooling)',
  tap
    ? {
        passed: tapCount(tap, 'pass'),
        failed: tapCount(tap, 'fail') + tapCount(tap, 'cancelled'),
        skipped: tapCount(tap, 'skipped'),
      }
    : NO_COUNTS,
);

// The manifest test reads custom-elements.json: make it from the sources being tested.
const manifestOk = run('npx', ['custom-elements-manifest', 'analyze', '--quiet']);

for (const engine of engines) {
  if (missing.includes(engine)) {
    runsOk = false;
    add(`unit (${LABELS[engine]}, not installed)`, NO_COUNTS);
    continue;
  }
  runsOk = run('npx', ['web-test-runner'], { WTR_BROWSER: engine }) && runsOk;
  add(`unit (${LABELS[engine]})`, readJson(wtrResultsFile(engine)) ?? NO_COUNTS);
}

if (missing.includes('chromium')) {
  runsOk = false;
  add('e2e (Chromium, not installed)', NO_COUNTS);
} else {
  runsOk = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightResultsFile }) && runsOk;
  const stats = readJson(playwrightResultsFile)?.stats;
  add(
    'e2e (Chromium)',
    stats ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped } : NO_COUNTS,
  );
}

const checks = [
  [typesOk, 'Type check'],
  [lintOk, 'Lint (eslint)'],
  [formatOk, 'Formatting (prettier --check; `npx prettier --write .` fixes it)'],
  [manifestOk, 'Custom elements manifest'],
];
const failedChecks = checks.filter(([ok]) => !ok).map(([, name]) => name);
const failed = totals.failed + failedChecks.length;
console.log('');
for (const name of failedChecks) console.log(`${name} failed (counted as one failure).`);
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(runsOk && failed === 0 ? 0 : 1);
