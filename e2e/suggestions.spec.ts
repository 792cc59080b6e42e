import { expect, test } from '@playwright/test';
import { SENTENCES, TAGS, annotations, editorLocator, liveRegion, openSuggestionMenu, textLocator } from './helpers.js';
import { expectSaved, openDemoSaved } from './storage-helpers.js';

test('suggest, accept all above the threshold, fix one by keyboard, reload: accepted ones saved, the rest gone', async ({
  page,
}) => {
  await openDemoSaved(page);
  await textLocator(page).focus();
  await page.keyboard.press('s');
  await expect(liveRegion(page)).toContainText(/\d+ suggestions/);
  const outlines = textLocator(page).locator('.claim-suggestion-label');
  const shown = await outlines.count();
  expect(shown).toBeGreaterThan(5);
  // Suggestions are not annotations, and not saved.
  expect(await annotations(page)).toHaveLength(0);

  const menu = await openSuggestionMenu(page);
  await menu.getByRole('spinbutton').fill('80');
  const accept = menu.locator('button.accept-suggestions');
  const acceptedCount = Number((await accept.textContent())!.replace(/\D/g, ''));
  expect(acceptedCount).toBeGreaterThan(0);
  expect(acceptedCount).toBeLessThan(shown);
  await accept.click();
  await expect.poll(async () => (await annotations(page)).length).toBe(acceptedCount);
  const accepted = await annotations(page);
  expect(
    accepted.every((a) => a.source),
    'accepted suggestions carry their source',
  ).toBe(true);

  // Fix one by keyboard: move to a still-suggested sentence and accept it as a different tag.
  await textLocator(page).focus();
  await page.keyboard.press('Control+Home');
  let found = false;
  for (let i = 0; i < 20 && !found; i++) {
    await page.keyboard.press('Alt+ArrowDown');
    found = /suggested: Reported fact/.test((await liveRegion(page).textContent()) ?? '');
  }
  expect(found, 'a reported-fact suggestion is reachable by keyboard').toBe(true);
  // Shift: accept and stay, so the search for another suggestion below starts here.
  await page.keyboard.press(`Shift+${TAGS.analyst.key}`);
  await expect(liveRegion(page)).toContainText('Accepted as Analyst opinion');
  const fixed = (await annotations(page)).find((a) => !accepted.some((b) => b.id === a.id));
  expect(fixed?.tag).toBe(TAGS.analyst.id);

  // And reject another: it must not come back after a reload.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Alt+ArrowDown');
    if (/\(suggested:/.test((await liveRegion(page).textContent()) ?? '')) break;
  }
  const rejectedSentence = await page.evaluate(() => {
    const root = document.querySelector('claim-editor#editor')!.shadowRoot!;
    return (root as ShadowRoot & { getSelection(): Selection }).getSelection().toString();
  });
  await page.keyboard.press('x');
  await expect(liveRegion(page)).toContainText('Rejected');
  await expectSaved(page);

  await page.reload();
  await expect(textLocator(page)).toContainText(SENTENCES.independent);
  await expect.poll(async () => (await annotations(page)).length).toBe(acceptedCount + 1);
  await expect(outlines, 'suggestions are not saved').toHaveCount(0);
  await textLocator(page).focus();
  await page.keyboard.press('s');
  await expect(liveRegion(page)).toContainText(/suggestion/);
  const again = await textLocator(page).locator('.claim-suggestion').allTextContents();
  expect(again.join(' '), 'a rejected sentence is not suggested again').not.toContain(
    rejectedSentence.trim().slice(0, 40),
  );
});

test('a suggestion can be accepted, retagged and rejected with the mouse alone', async ({ page }) => {
  await openDemoSaved(page);
  const toolbar = editorLocator(page).locator('[part~="toolbar"]');
  await toolbar.getByRole('button', { name: 'Suggest tags' }).click();
  await expect(textLocator(page).locator('.claim-suggestion-label').first()).toBeVisible();

  // Accept: click a suggested sentence, then Accept.
  await textLocator(page).getByText(SENTENCES.stateDept).click();
  await toolbar.locator('button.accept-suggestion').click();
  await expect.poll(async () => (await annotations(page)).map((a) => a.quote)).toContain(SENTENCES.stateDept);

  // Retag: a toolbar tag button on a suggested sentence accepts it with that tag.
  await textLocator(page).getByText(SENTENCES.independent).click();
  await expect(toolbar.locator('button.accept-suggestion')).toBeVisible();
  await toolbar.getByRole('button', { name: /Analyst opinion/ }).click();
  await expect
    .poll(async () => (await annotations(page)).find((a) => a.quote === SENTENCES.independent)?.tag)
    .toBe(TAGS.analyst.id);
  const suggestedHere = textLocator(page).locator('.claim-suggestion', { hasText: SENTENCES.independent });
  await expect(suggestedHere, 'no suggestion left beside the new annotation').toHaveCount(0);

  // Reject: the outline goes away and no annotation is made.
  const before = (await annotations(page)).length;
  await textLocator(page).getByText(SENTENCES.consortium).click();
  await toolbar.locator('button.reject-suggestion').click();
  await expect(textLocator(page).locator('.claim-suggestion', { hasText: 'consortium of three' })).toHaveCount(0);
  expect(await annotations(page)).toHaveLength(before);
});
