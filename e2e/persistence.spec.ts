import { expect, test, type Page } from '@playwright/test';
import {
  SENTENCES,
  TAGS,
  annotations,
  openDetailsLocator,
  editorLocator,
  expectAnnotationCount,
  openDemo,
  sidebarEntries,
  tagSentence,
  textLocator,
} from './helpers.js';
import { essentials, expectAnnotationWithId, expectDrawn, expectSaved, openDemoSaved } from './storage-helpers.js';

const SOURCE = 'Northline Wire, citing VCP';
const NOTE = 'Compare with the FAO customs data';

/** Opens the selected annotation's details with Enter and types a source; Enter saves it and goes back to the text. */
async function typeSource(page: Page, source: string): Promise<void> {
  await page.keyboard.press('Enter');
  const field = openDetailsLocator(page).getByLabel('Source (who said it)');
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(source);
  await page.keyboard.press('Enter');
  await expect(textLocator(page)).toBeFocused();
}

test('annotations with their source and note are all back after a reload', async ({ page }) => {
  await openDemoSaved(page);

  const withSource = await tagSentence(page, 'terminal handled', TAGS.state.key);
  await typeSource(page, SOURCE);
  await expect.poll(async () => (await annotations(page)).find((a) => a.id === withSource.id)?.source).toBe(SOURCE);

  const withNote = await tagSentence(page, 'paint a different', TAGS.analyst.key);
  await page.keyboard.press('Enter');
  const details = openDetailsLocator(page);
  await expect(details.getByLabel('Source (who said it)')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(details.getByLabel('Note', { exact: true })).toBeFocused();
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Escape');
  await expect(textLocator(page)).toBeFocused();
  await expect.poll(async () => (await annotations(page)).find((a) => a.id === withNote.id)?.note).toBe(NOTE);

  const plain = await tagSentence(page, 'declined to comment', TAGS.fact.key);

  const before = await expectAnnotationCount(page, 3);
  expect(essentials(before)).toEqual(
    essentials([{ ...withSource, source: SOURCE }, { ...withNote, note: NOTE }, plain]),
  );
  expect(before.find((a) => a.id === withSource.id)).toMatchObject({ tag: TAGS.state.id, quote: SENTENCES.vcp });
  expect(before.find((a) => a.id === withNote.id)).toMatchObject({
    tag: TAGS.analyst.id,
    quote: SENTENCES.independent,
  });
  expect(before.find((a) => a.id === plain.id)).toMatchObject({ tag: TAGS.fact.id, quote: SENTENCES.stateDept });

  await expectSaved(page);
  await page.reload();
  await expect(textLocator(page)).toContainText(SENTENCES.independent);

  const after = await expectAnnotationCount(page, 3);
  expect(essentials(after), 'the same tags, quotes, source and note after the reload').toEqual(essentials(before));
  for (const annotation of after) await expectDrawn(page, annotation);
  await expect(sidebarEntries(page)).toHaveCount(3);
  await expect(sidebarEntries(page).filter({ hasText: `Source: ${SOURCE}` })).toHaveCount(1);
  await expect(sidebarEntries(page).filter({ hasText: NOTE })).toHaveCount(1);
});

test('a tag made just before the page is closed is there when the article is opened again', async ({
  page,
  context,
}) => {
  await openDemoSaved(page);
  const tagged = await tagSentence(page, 'declined to comment', TAGS.fact.key);
  // No flush, no waiting for "saved": the user tags and closes the tab at once.
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await openDemo(again);
  const restored = await expectAnnotationWithId(again, tagged.id, 'the tag made before closing is back');
  expect(restored).toMatchObject({ tag: TAGS.fact.id, quote: SENTENCES.stateDept });
  await expectDrawn(again, restored);
});

test('two tabs on one article see each other’s tags without reloading, and keep both', async ({ page, context }) => {
  const a = page;
  await openDemoSaved(a);
  const b = await context.newPage();
  await openDemoSaved(b);

  const fromA = await tagSentence(a, 'declined to comment', TAGS.fact.key);
  const seenInB = await expectAnnotationWithId(b, fromA.id, 'the tag added in tab A appears in tab B');
  expect(seenInB).toMatchObject({ tag: TAGS.fact.id, quote: SENTENCES.stateDept });
  await expectDrawn(b, seenInB);

  const fromB = await tagSentence(b, 'paint a different', TAGS.state.key);
  const seenInA = await expectAnnotationWithId(a, fromB.id, 'the tag added in tab B appears in tab A');
  expect(seenInA).toMatchObject({ tag: TAGS.state.id, quote: SENTENCES.independent });
  await expectDrawn(a, seenInA);

  const both = essentials([fromA, fromB]);
  await expect.poll(async () => essentials(await annotations(a)), { message: 'tab A holds both tags' }).toEqual(both);
  await expect.poll(async () => essentials(await annotations(b)), { message: 'tab B holds both tags' }).toEqual(both);

  for (const tab of [a, b]) {
    await tab.reload();
    await expect(textLocator(tab)).toContainText(SENTENCES.independent);
    await expect
      .poll(async () => essentials(await annotations(tab)), { message: 'both tags after a reload' })
      .toEqual(both);
    await expectDrawn(tab, fromA);
    await expectDrawn(tab, fromB);
  }
});

test('a source typed in one tab shows in the other tab’s sidebar entry', async ({ page, context }) => {
  const a = page;
  await openDemoSaved(a);
  const b = await context.newPage();
  await openDemoSaved(b);

  const tagged = await tagSentence(a, 'terminal handled', TAGS.state.key);
  await expectAnnotationWithId(b, tagged.id, 'the tag appears in tab B');
  const entryInB = editorLocator(b).locator(`claim-sidebar button.entry[data-annotation-id="${tagged.id}"]`);
  await expect(entryInB).toContainText(TAGS.state.label);
  await expect(entryInB).not.toContainText('Source:');

  await typeSource(a, SOURCE);
  await expect.poll(async () => (await annotations(a))[0]?.source).toBe(SOURCE);

  await expect(entryInB, 'tab B’s sidebar entry shows the source typed in tab A').toContainText(`Source: ${SOURCE}`);
  expect((await annotations(b)).find((x) => x.id === tagged.id)).toMatchObject({ source: SOURCE, tag: TAGS.state.id });
});
