import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where one engine's unit-test counts go, for scripts/test.mjs to total across engines and runners. */
export function wtrResultsFile(engine) {
  return `test-results/wtr-${engine}.json`;
}

function countSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

/**
 * Writes passed/failed/skipped totals when the run stops. A test file that
 * failed to load (no results, only errors) counts as one failure, so a
 * broken import can never pass as "0 failed".
 */
export function countingReporter(engine) {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = counts.passed + counts.failed + counts.skipped;
        if (session.testResults) countSuite(session.testResults, counts);
        const none = counts.passed + counts.failed + counts.skipped === before;
        if (session.errors.length > 0 && (none || session.passed === false)) counts.failed += 1;
      }
      const file = wtrResultsFile(engine);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
