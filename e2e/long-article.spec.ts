import { expect, test, type Page } from '@playwright/test';
import { annotations, editorLocator, sidebarEntries, textLocator } from './helpers.js';

/** demo/long.html with 600 paragraphs: long enough to be drawn a window at a time, quick to load. */
test.beforeEach(async ({ page }) => {
  await page.goto('/demo/long.html?paragraphs=600');
  await expect(page.locator('#load-time')).toHaveText(/ms$/, { timeout: 20_000 });
});

const markCount = (page: Page) => textLocator(page).locator('mark').count();

test('a long article with every sentence tagged: drawn near the view, listed a screenful at a time, all there', async ({
  page,
}) => {
  await expect(page.locator('#annotations')).toHaveText('3,000');
  expect(
    await editorLocator(page).evaluate((editor: HTMLElement & { annotations: unknown[] }) => editor.annotations.length),
  ).toBe(3000);
  const drawn = await markCount(page);
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(1000);
  const listed = await sidebarEntries(page).count();
  expect(listed).toBeGreaterThan(3);
  expect(listed).toBeLessThan(60);
  await expect(editorLocator(page).locator('claim-sidebar button[data-filter="all"]')).toHaveText('All (3000)');
});

test('opens as a load: Undo is disabled, and tagging then enables it', async ({ page }) => {
  const undo = editorLocator(page).getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeDisabled();
  await textLocator(page)
    .locator('p')
    .nth(2)
    .click({ position: { x: 30, y: 8 } });
  await page.keyboard.press('j');
  await page.keyboard.press('3');
  await expect(undo).toBeEnabled();
});

test('every sentence carries the tag that fits who it comes from', async ({ page }) => {
  const byTag = new Map<string, string[]>();
  for (const { tag, quote } of await annotations(page)) byTag.set(tag, [...(byTag.get(tag) ?? []), quote]);
  expect([...byTag.keys()].sort()).toEqual(['analyst-opinion', 'reported-fact', 'state-media-claim']);
  for (const quote of byTag.get('state-media-claim')!)
    expect(quote).toMatch(/(state radio|official daily|state television)[^.]*\.$/);
  for (const quote of byTag.get('analyst-opinion')!) expect(quote).toMatch(/^“.*economist\.$/);
  for (const quote of byTag.get('reported-fact')!) expect(quote).toMatch(/ last month\.$/);
});

test('scrolling to the end draws the end; the list scrolls to its last entry', async ({ page }) => {
  await textLocator(page).locator('p').last().scrollIntoViewIfNeeded();
  await expect(textLocator(page).locator('p').last().locator('mark').first()).toBeVisible();
  const list = editorLocator(page).locator('claim-sidebar .list');
  await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(editorLocator(page).locator('claim-sidebar li[aria-posinset="3000"]')).toBeVisible();
});

test('tagging by keyboard in the middle of the long article: drawn, selected and listed', async ({ page }) => {
  await textLocator(page).locator('p').nth(300).scrollIntoViewIfNeeded();
  await textLocator(page)
    .locator('p')
    .nth(300)
    .click({ position: { x: 30, y: 8 } });
  await page.keyboard.press('j');
  const selectedText = await page.evaluate(() => String(document.getSelection()));
  await page.keyboard.press('3');
  const current = editorLocator(page).locator('claim-sidebar button.entry[aria-current="true"]');
  await expect(current).toBeVisible();
  const id = await current.getAttribute('data-annotation-id');
  await expect(textLocator(page).locator(`mark.claim-selected[data-annotation-id="${id}"]`).first()).toBeVisible();
  expect(selectedText.trim().length).toBeGreaterThan(10);
  await expect(editorLocator(page).locator('claim-sidebar button[data-filter="all"]')).toHaveText('All (3001)');
});
