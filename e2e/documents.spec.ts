import { expect, test } from '@playwright/test';
import {
  SENTENCES,
  TAGS,
  annotations,
  clickText,
  editorText,
  expectAnnotationCount,
  settle,
  tagSentence,
  textLocator,
} from './helpers.js';
import {
  SAMPLE_TITLE,
  createArticle,
  deleteButton,
  essentials,
  expectDrawn,
  expectListed,
  expectSaved,
  listedTitles,
  openDemoSaved,
  openButton,
  openFromList,
  unsafeNodesInEditor,
} from './storage-helpers.js';

const HARBOUR_TITLE = 'Harbour traffic report';
const HARBOUR_LINES = [
  'The port of Ostrel reopened on Monday after a week of repairs.',
  'Harbour officials said traffic doubled within two days. Shipping agents disputed the figure.',
];

test('a pasted plain-text article is created, listed, tagged, and kept apart from the sample', async ({ page }) => {
  await openDemoSaved(page);
  const sampleTag = await tagSentence(page, 'declined to comment', TAGS.fact.key);
  await expectSaved(page);
  await expectListed(page, SAMPLE_TITLE);

  await createArticle(page, HARBOUR_TITLE, HARBOUR_LINES.join('\n'));
  await expect(textLocator(page)).toContainText(HARBOUR_LINES[1]);
  await expect
    .poll(() => editorText(page), { message: 'the editor holds the pasted text, one paragraph per line' })
    .toBe(HARBOUR_LINES.join('\n'));
  await expect(textLocator(page)).not.toContainText(SENTENCES.independent);
  await expectAnnotationCount(page, 0);
  await expectListed(page, HARBOUR_TITLE);
  await expectListed(page, SAMPLE_TITLE);

  const harbourTag = await tagSentence(page, 'traffic doubled', TAGS.analyst.key);
  expect(harbourTag.quote).toBe('Harbour officials said traffic doubled within two days.');
  await expectSaved(page);

  await openFromList(page, SAMPLE_TITLE);
  await expect(textLocator(page)).toContainText(SENTENCES.independent);
  await expect(textLocator(page)).not.toContainText(HARBOUR_LINES[0]);
  await expect
    .poll(async () => essentials(await annotations(page)), {
      message: 'the sample article has its own tag back, and only it',
    })
    .toEqual(essentials([sampleTag]));
  await expectDrawn(page, sampleTag);

  await openFromList(page, HARBOUR_TITLE);
  await expect.poll(() => editorText(page), { message: 'the pasted article is back' }).toBe(HARBOUR_LINES.join('\n'));
  await expect
    .poll(async () => essentials(await annotations(page)), {
      message: 'the pasted article has its tag back, and only it',
    })
    .toEqual(essentials([harbourTag]));
  await expectDrawn(page, harbourTag);
});

const HOSTILE_HTML =
  '<script>window.__pwned = 1</script><p onclick="window.__pwned = 2">Safe paragraph.</p><img src=x onerror="window.__pwned = 3">';

test('pasted HTML keeps its text and loses scripts, images and event handlers', async ({ page }) => {
  await openDemoSaved(page);
  await createArticle(page, 'Pasted HTML', HOSTILE_HTML);

  await expect(textLocator(page)).toHaveText('Safe paragraph.');
  expect(await editorText(page)).toBe('Safe paragraph.');
  expect(await unsafeNodesInEditor(page), 'no script, img or on* attribute in the editor').toEqual([]);

  // A user clicks the paragraph: nothing runs.
  await clickText(page, 'Safe paragraph.');
  await settle(page);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    'no pasted code ran',
  ).toBeUndefined();

  // Saved and opened again (a reload reopens the article last opened): still clean.
  await expectSaved(page);
  await page.reload();
  await expectListed(page, 'Pasted HTML');
  await expect(openButton(page, 'Pasted HTML')).toHaveAttribute('aria-current', 'true');
  await expect(textLocator(page)).toHaveText('Safe paragraph.');
  expect(await unsafeNodesInEditor(page), 'no script, img or on* attribute after reopening').toEqual([]);
  await clickText(page, 'Safe paragraph.');
  await settle(page);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    'no pasted code ran',
  ).toBeUndefined();
});

test('deleting an article from the list asks first; dismissing keeps it, accepting removes it for good', async ({
  page,
}) => {
  const title = 'Article to delete';
  await openDemoSaved(page);
  await createArticle(page, title, 'A short article that will be deleted.');
  await expectSaved(page);
  await openFromList(page, SAMPLE_TITLE);
  await expectListed(page, title);

  const dialogs: string[] = [];
  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await deleteButton(page, title).click();
  await expect.poll(() => dialogs.length, { message: 'deleting asks for confirmation' }).toBe(1);
  expect(dialogs[0]).toContain(title);
  await settle(page);
  await expectListed(page, title);

  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await deleteButton(page, title).click();
  await expect.poll(() => dialogs.length).toBe(2);
  await expect(listedTitles(page).filter({ hasText: title }), 'the deleted article leaves the list').toHaveCount(0);
  await expect(openButton(page, title)).toHaveCount(0);
  await expectListed(page, SAMPLE_TITLE);

  await page.reload();
  await expect(textLocator(page)).toContainText(SENTENCES.independent);
  await expectListed(page, SAMPLE_TITLE);
  await expect(listedTitles(page).filter({ hasText: title }), 'still gone after a reload').toHaveCount(0);
});
