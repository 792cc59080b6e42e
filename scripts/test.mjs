// `npm test`: type check, unit and component tests (@web/test-runner), then
// end-to-end tests (Playwright), and one closing line with the real totals.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.mjs';
import { wtrResultsFile } from './counting-reporter.mjs';

const playwrightResultsFile = 'test-results/playwright.json';

function run(command, args, env = {}) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

ensureBrowser();
rmSync('test-results', { recursive: true, force: true });

const typesOk = run('npx', ['tsc', '--noEmit']);
// The manifest test reads custom-elements.json: make it from the sources being tested.
const manifestOk = run('npx', ['custom-elements-manifest', 'analyze', '--quiet']);
const unitOk = run('npx', ['web-test-runner']);
const e2eOk = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightResultsFile });

const unit = readJson(wtrResultsFile) ?? { passed: 0, failed: 1, skipped: 0 };
const e2eStats = readJson(playwrightResultsFile)?.stats;
const e2e = e2eStats
  ? { passed: e2eStats.expected + e2eStats.flaky, failed: e2eStats.unexpected, skipped: e2eStats.skipped }
  : { passed: 0, failed: 1, skipped: 0 };

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (typesOk ? 0 : 1) + (manifestOk ? 0 : 1);
const skipped = unit.skipped + e2e.skipped;
if (!typesOk) console.log('Type check failed (counted as one failure).');
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(typesOk && manifestOk && unitOk && e2eOk && failed === 0 ? 0 : 1);
