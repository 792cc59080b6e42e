import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TAGS } from './helpers.js';
import { annotationsIn, CMS_EDITOR, tagSentenceIn, waitForEditor } from './embedding-helpers.js';

/** The public article page of the demo: the reader element alone, served under the strict CSP. */
const PUBLIC_PAGE = '/demo/article.html';
/** Where the newsroom publishes the annotations the CMS saved (served by this test, as a CMS would). */
const PUBLISHED_JSON = '/demo/published/cms-article-1187.json';

/**
 * The newsroom's side: a desk editor tags two sentences in the CMS form, gives the first a source and a verdict
 * through the details panel, and saves the article. Returns the article's HTML as the CMS renders it and the
 * annotations the form submitted (the native `json` export, as the CMS stores it).
 */
async function annotateAndSaveInCms(page: Page): Promise<{ articleHtml: string; saved: string }> {
  await page.goto('/demo/cms.html');
  await waitForEditor(page, CMS_EDITOR, 'desalination plant');
  const details = page.locator(`${CMS_EDITOR} claim-details`);

  await tagSentenceIn(page, CMS_EDITOR, 'state broadcaster reported', TAGS.state.key);
  // The tag key moved on to the next sentence: the sidebar entry selects the annotation again, for its details.
  await page.locator(`${CMS_EDITOR} claim-sidebar button.entry`).first().click();
  await expect(details).toBeVisible();
  const source = details.getByLabel('Source (who said it)');
  await source.fill('Regional state broadcaster');
  await source.press('Enter');
  const verdict = details.getByLabel('Verdict (optional)');
  await verdict.fill('Mostly false');
  await verdict.press('Tab');
  await expect
    .poll(async () => (await annotationsIn(page, CMS_EDITOR)).map((a) => [a.tag, a.source, a.verdict]))
    .toEqual([[TAGS.state.id, 'Regional state broadcaster', 'Mostly false']]);
  await tagSentenceIn(page, CMS_EDITOR, 'engineer at the Technical University', TAGS.analyst.key);

  const articleHtml = await page.evaluate(
    (selector) =>
      [...document.querySelector(selector)!.children]
        .filter((child) => child.localName === 'p')
        .map((child) => child.outerHTML)
        .join('\n'),
    CMS_EDITOR,
  );
  // What the form submits is what the newsroom publishes: read it from the request the CMS receives.
  let submitted: string | null = null;
  await page.route('**/demo/received', async (route) => {
    submitted = route.request().postData();
    await route.continue();
  });
  await Promise.all([page.waitForURL('**/demo/received'), page.getByRole('button', { name: 'Save article' }).click()]);
  await expect(page.locator('#annotation-count')).toHaveText('2');
  const saved = new URLSearchParams(submitted ?? '').get('annotations');
  expect(saved, 'the form submitted its annotations').toBeTruthy();
  return { articleHtml, saved: saved! };
}

/**
 * The public side: the article page's template with the CMS's article inside `<claim-article>` and its `src` at the
 * published annotations. The page keeps its own response headers, so its strict Content-Security-Policy.
 */
async function publish(page: Page, articleHtml: string, saved: string): Promise<void> {
  await page.route(`**${PUBLISHED_JSON}`, (route) => route.fulfill({ contentType: 'application/json', body: saved }));
  await page.route(`**${PUBLIC_PAGE}`, async (route) => {
    const response = await route.fetch();
    const template = await response.text();
    const body = template.replace(
      /<claim-article[^>]*>[\s\S]*<\/claim-article>/,
      `<claim-article src="${PUBLISHED_JSON}">\n${articleHtml}\n</claim-article>`,
    );
    expect(body, 'the template has a <claim-article> to fill').not.toBe(template);
    await route.fulfill({ response, body });
  });
}

test('what the CMS saves, the public page shows: a reader tabs to the highlight, opens it, reads the verdict', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { articleHtml, saved } = await annotateAndSaveInCms(page);
  const ids = (JSON.parse(saved) as { annotations: { id: string; quote: string }[] }).annotations.map((a) => a.id);
  expect(ids).toHaveLength(2);

  await publish(page, articleHtml, saved);
  const scripts: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  const response = await page.goto(PUBLIC_PAGE);
  expect((await response?.headerValue('content-security-policy')) ?? '').toContain("script-src 'self'");
  const marks = page.locator('claim-article mark[data-annotation-id]');
  await expect(marks.first()).toBeVisible();
  await expect(page.locator('claim-article [part="article"]')).toContainText('desalination plant reopened on Tuesday');
  await expect(page.locator('claim-article .reader-label')).toHaveText([
    `${TAGS.state.label} · Mostly false`,
    TAGS.analyst.label,
  ]);
  await expect(page.locator('claim-article [part="orphans"]')).toHaveCount(0);

  // A reader tabs from the top of the page to the first highlight and opens it with Enter.
  await page.keyboard.press('Tab');
  const focused = page.locator('claim-article mark:focus');
  await expect(focused).toHaveAttribute('data-annotation-id', ids[0]!);
  await expect(focused).toHaveAttribute('data-tag', TAGS.state.id);
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText(TAGS.state.label);
  await expect(popover).toContainText('Regional state broadcaster');
  await expect(popover.locator('.verdict')).toHaveText('Mostly false');

  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations.map((v) => `${v.id}: ${v.help}`).join('\n');
  expect(results.violations, `axe violations with the popover open:\n${report}`).toEqual([]);

  // The public page loaded the reader alone: no editor module, no ProseMirror chunk.
  expect(scripts).toEqual(['/dist/claim-article.js']);
  expect(problems).toEqual([]);
});
