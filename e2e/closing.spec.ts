import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import type { ClaimEditor } from '../src/components/claim-editor/claim-editor.component.js';
import { SENTENCES, TAGS, annotations, openDemo } from './helpers.js';

const CLOSES = 20;
const QUOTES = [SENTENCES.stateDept, SENTENCES.independent, SENTENCES.vcp, SENTENCES.dascu];

/** Processes that keep every core busy, as on a machine doing other work: writes then take longer than a close. */
function busyCores(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

// Whether a close lands before or during a write is up to the scheduler, so this can only
// show the loss is gone, not that every path was taken. The deterministic proof, a close
// while a write is under way, is `storage-faults.test.ts` > "the page closing while a write
// is under way".
test('a tag made right before each of 20 closes on a busy machine is there when the article is opened again', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const hogs = busyCores(2);
  const tagged: string[] = [];
  let lastClosed: Promise<unknown> = Promise.resolve();
  try {
    for (let i = 0; i < CLOSES; i++) {
      const page = await context.newPage();
      await openDemo(page);
      // The saved article is loaded (and the first save done) before the tag, as for a user who reads first.
      await page.evaluate(() => (document.querySelector('claim-editor#editor') as ClaimEditor).flush());
      const id = await page.evaluate(
        ({ tag, quote }) =>
          (document.querySelector('claim-editor#editor') as ClaimEditor).addAnnotation({ tag, quote }).id,
        { tag: TAGS.fact.id, quote: QUOTES[i % QUOTES.length] },
      );
      tagged.push(id);
      // Not waited for (the next tab opens while this one closes), except before the final reopening.
      lastClosed = new Promise((resolve) => page.once('close', resolve));
      await page.close({ runBeforeUnload: true });
    }
  } finally {
    for (const hog of hogs) hog.kill();
  }
  await lastClosed;

  const page = await context.newPage();
  await openDemo(page);
  await page.evaluate(() => (document.querySelector('claim-editor#editor') as ClaimEditor).flush());
  const kept = new Set((await annotations(page)).map((a) => a.id));
  const lost = tagged.filter((id) => !kept.has(id));
  expect(lost, `${lost.length} of ${CLOSES} tags lost`).toEqual([]);
});
