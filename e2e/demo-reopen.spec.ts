import { expect, test } from '@playwright/test';
import { SENTENCES, editorText, textLocator } from './helpers.js';
import {
  createArticle,
  expectSaved,
  openDemoSaved,
  openFromList,
  SAMPLE_TITLE,
  documentsList,
} from './storage-helpers.js';

const TITLE = 'Ferry timetable notice';
const LINES = [
  'The island ferry keeps its winter timetable until March.',
  'Port staff said the change had been announced in January.',
];

test('reloading the demo reopens the document last opened, not the sample', async ({ page }) => {
  await openDemoSaved(page);
  await createArticle(page, TITLE, LINES.join('\n'));
  await expect.poll(() => editorText(page)).toBe(LINES.join('\n'));
  await expectSaved(page);

  await page.reload();
  await expect(textLocator(page)).toContainText(LINES[1]);
  await expect(textLocator(page)).not.toContainText(SENTENCES.independent);
  await expect(documentsList(page).getByRole('button', { name: `Open ${TITLE}` })).toHaveAttribute(
    'aria-current',
    'true',
  );

  await openFromList(page, SAMPLE_TITLE);
  await page.reload();
  await expect(textLocator(page)).toContainText(SENTENCES.independent);
  await expect(textLocator(page)).not.toContainText(LINES[0]);
});
