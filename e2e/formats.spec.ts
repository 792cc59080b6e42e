import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { SENTENCES, TAGS, annotations, editorLocator, tagSentence, textLocator } from './helpers.js';
import { openDemoSaved } from './storage-helpers.js';

const EXPORTS = [
  { label: 'Annotated article (HTML page)', suffix: '-annotated.html' },
  { label: 'Annotated article for a CMS (HTML fragment)', suffix: '-annotated-fragment.html' },
  { label: 'W3C Web Annotations (JSON-LD)', suffix: '-annotations.jsonld' },
  { label: 'Backup of article and annotations (JSON)', suffix: '-claims.json' },
  { label: 'Spreadsheet (CSV)', suffix: '-annotations.csv' },
  { label: 'ClaimReview of verdicts (JSON-LD)', suffix: '-claimreview.jsonld' },
];

test('tag the demo, download every format, see the highlights in the HTML export, and import the W3C export into a fresh document', async ({
  page,
  context,
}) => {
  await openDemoSaved(page);
  await tagSentence(page, SENTENCES.praised, TAGS.state.key);
  await tagSentence(page, SENTENCES.independent, TAGS.fact.key);
  await tagSentence(page, SENTENCES.lena, TAGS.analyst.key);
  const tagged = await annotations(page);
  expect(tagged).toHaveLength(3);

  const files = new Map<string, string>();
  const menu = editorLocator(page).locator('claim-transfer summary');
  for (const { label, suffix } of EXPORTS) {
    await menu.click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label }).click(),
    ]);
    expect(download.suggestedFilename(), label).toMatch(
      new RegExp(`^varnia-claims-food-self-sufficiency.*${suffix.replace('.', '\\.')}$`),
    );
    files.set(suffix, await readFile((await download.path())!, 'utf8'));
  }
  expect(files.get('-annotations.csv')!.split('\r\n').filter(Boolean)).toHaveLength(4);
  expect(JSON.parse(files.get('-claims.json')!).annotations).toHaveLength(3);

  // The standalone HTML, opened in the browser: each annotation highlighted with its visible label.
  const exported = await context.newPage();
  await exported.route('http://127.0.0.1/annotated.html', (route) =>
    route.fulfill({ body: files.get('-annotated.html')!, contentType: 'text/html' }),
  );
  await exported.goto('http://127.0.0.1/annotated.html');
  await expect(exported.locator('article mark[data-tag]')).toHaveCount(3);
  await expect(exported.locator('article .claim-label')).toHaveText([
    /State-media claim 1/,
    /Reported fact 2/,
    /Analyst opinion 3/,
  ]);
  await expect(exported.locator('article mark[data-tag="state-media-claim"]')).toHaveText(SENTENCES.praised);
  await expect(exported.locator('script')).toHaveCount(0);
  const tint = await exported
    .locator('article mark')
    .first()
    .evaluate((mark) => getComputedStyle(mark).textDecorationLine);
  expect(tint).toContain('underline');

  // A fresh document: the same article, no annotations; the W3C file brings them back.
  const fresh = await context.newPage();
  await openDemoSaved(fresh);
  await fresh.evaluate(() => {
    const editor = document.querySelector('claim-editor#editor') as HTMLElement & { documentId: string };
    editor.documentId = 'fresh-copy';
  });
  await fresh.evaluate(
    async (html) => {
      const editor = document.querySelector('claim-editor#editor') as HTMLElement & {
        loadArticle(input: { html: string }): Promise<void>;
      };
      await editor.loadArticle({ html });
    },
    await page.evaluate(() => document.querySelector('claim-editor#editor')!.innerHTML),
  );
  expect(await annotations(fresh)).toHaveLength(0);
  const [chooser] = await Promise.all([
    fresh.waitForEvent('filechooser'),
    fresh.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'annotations.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(files.get('-annotations.jsonld')!),
  });
  await expect(editorLocator(fresh).locator('claim-transfer .report')).toContainText('3 added');
  const imported = await annotations(fresh);
  expect(imported.map((a) => [a.id, a.tag, a.quote, a.status])).toEqual(
    tagged.map((a) => [a.id, a.tag, a.quote, 'anchored']),
  );
  await expect(textLocator(fresh).locator('mark[data-tag]')).toHaveCount(3);
});
