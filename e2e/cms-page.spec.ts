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

/** The CMS database's saved documents, read through the bundle's own `listDocuments`. */
async function savedCmsDocuments(page: Page): Promise<{ id: string; title: string }[]> {
  return page.evaluate(async () => {
    const bundle = '/dist/claim-editor.js';
    const { listDocuments } = (await import(bundle)) as {
      listDocuments(dbName: string): Promise<{ id: string; title: string }[]>;
    };
    return listDocuments('northline-cms');
  });
}

test('the saved article is titled by the Headline field, not its first line, and follows it', async ({ page }) => {
  await openCmsAndTag(page);
  const saved = async () => (await savedCmsDocuments(page)).find((doc) => doc.id === 'cms-article-1187')?.title;
  expect(await saved()).toBe('Coastal plant reopens after a week of tests');
  const meta = await page.evaluate(
    (selector) =>
      (document.querySelector(selector) as HTMLElement & { articleMeta: Record<string, string> }).articleMeta,
    CMS_EDITOR,
  );
  expect(meta).toEqual({
    title: 'Coastal plant reopens after a week of tests',
    url: 'https://news.example/2026/04/coastal-plant-reopens',
  });

  await page.getByLabel('Headline').fill('Desalination plant back online after tests');
  await page.evaluate(
    (selector) => (document.querySelector(selector) as HTMLElement & { flush(): Promise<void> }).flush(),
    CMS_EDITOR,
  );
  await expect.poll(saved).toBe('Desalination plant back online after tests');
});
