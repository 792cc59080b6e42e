import { expect, test, type Page } from '@playwright/test';
import { TAGS } from './helpers.js';
import { CMS_EDITOR, tagSentenceIn, waitForEditor } from './embedding-helpers.js';
import { listedTitles, openDemoSaved } from './storage-helpers.js';

async function openCmsAndTag(page: Page): Promise<void> {
  await page.goto('/demo/cms.html');
  await waitForEditor(page, CMS_EDITOR, 'desalination plant');
  await tagSentenceIn(page, CMS_EDITOR, 'state broadcaster reported', TAGS.state.key);
  await page.evaluate(
    (selector) => (document.querySelector(selector) as HTMLElement & { flush(): Promise<void> }).flush(),
    CMS_EDITOR,
  );
}

test("the CMS page's article is saved apart from the main demo: it is not in the demo's list", async ({ page }) => {
  await openCmsAndTag(page);
  await openDemoSaved(page);
  await expect(listedTitles(page).first()).toBeVisible();
  expect(await listedTitles(page).allTextContents()).not.toContainEqual(expect.stringContaining('PORT LENNIS'));
});

test('the page showing what the CMS received fits the viewport', async ({ page }) => {
  await openCmsAndTag(page);
  await Promise.all([page.waitForURL('**/demo/received'), page.getByRole('button', { name: 'Save article' }).click()]);
  await expect(page.locator('#annotation-count')).toHaveText('1');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'no horizontal scrolling').toBeLessThanOrEqual(innerWidth);
});
