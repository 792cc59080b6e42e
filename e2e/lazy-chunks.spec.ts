import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, waitForEditor } from './embedding-helpers.js';
import {
  SENTENCES,
  TAGS,
  editorLocator,
  liveRegion,
  openDemo,
  openSuggestionMenu,
  tagSentence,
  textLocator,
} from './helpers.js';

/** The paths of the scripts the page fetches from now on. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

const fromDist = (scripts: string[]) => scripts.filter((path) => path.startsWith('/dist/'));
const suggestButton = (page: Page) =>
  editorLocator(page).locator('[part~="toolbar"]').getByRole('button', { name: 'Suggest tags' });

test('opening the demo and tagging loads only the initial module; Suggest, then an import, load their chunks', async ({
  page,
}) => {
  const scripts = scriptRequests(page);
  await openDemo(page);
  await tagSentence(page, SENTENCES.stateDept, TAGS.fact.key);
  expect(fromDist(scripts), 'only the initial module').toEqual(['/dist/claim-editor.js']);

  await suggestButton(page).click();
  await expect(liveRegion(page)).toContainText(/\d+ suggestions/);
  await expect(textLocator(page).locator('.claim-suggestion-label').first()).toBeVisible();
  expect(fromDist(scripts)).toEqual([
    '/dist/claim-editor.js',
    expect.stringMatching(/^\/dist\/suggester-chunk-\w+\.js$/),
  ]);

  // Importing loads the importer's chunk.
  const exported = await page.evaluate(() =>
    (document.querySelector('claim-editor#editor') as HTMLElement & { exportAs(f: string): string }).exportAs('json'),
  );
  const report = await page.evaluate(
    (data) =>
      (
        document.querySelector('claim-editor#editor') as HTMLElement & {
          importAnnotations(d: string): Promise<{ updated: number; errors: string[] }>;
        }
      ).importAnnotations(data),
    exported,
  );
  expect(report).toMatchObject({ updated: 1, errors: [] });
  expect(fromDist(scripts)[2]).toMatch(/^\/dist\/importer-chunk-\w+\.js$/);

  // Loaded once: the key S after Clear suggests again without fetching anything.
  await (await openSuggestionMenu(page)).getByRole('button', { name: 'Clear' }).click();
  await textLocator(page).focus();
  await page.keyboard.press('s');
  await expect(liveRegion(page)).toContainText(/\d+ suggestions/);
  expect(fromDist(scripts)).toHaveLength(3);
});

test('under the strict CSP the suggester chunk loads and works, with no violation', async ({ page }) => {
  const errors = collectErrors(page);
  const scripts = scriptRequests(page);
  await page.goto('/demo/csp.html');
  await waitForEditor(page, 'claim-editor#editor', 'ferry line');
  await suggestButton(page).click();
  await expect(liveRegion(page)).toContainText(/\d+ suggestions?/);
  expect(fromDist(scripts)).toEqual(['/dist/claim-editor.js', expect.stringMatching(/^\/dist\/suggester-chunk-/)]);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('dist/ copied to another folder: chunks load from beside the module; suggestProvenance returns a Promise', async ({
  page,
  baseURL,
}) => {
  // Serves the built dist/ folder under /somewhere/else/lib/, as a site that copied it there would.
  await page.route(`${baseURL}/somewhere/else/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/somewhere/else/page.html')
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><title>Copied</title>
          <script type="module" src="./lib/claim-editor.js"></script>
          <claim-editor><p>The agency said the harvest was a record, KCNA reported.</p></claim-editor>`,
      });
    const file = path.replace('/somewhere/else/lib/', 'dist/');
    return route.fulfill({ contentType: 'text/javascript', body: await readFile(file, 'utf8') });
  });
  const errors = collectErrors(page);
  const scripts = scriptRequests(page);
  await page.goto('/somewhere/else/page.html');
  await waitForEditor(page, 'claim-editor', 'harvest');
  const result = await page.evaluate(async () => {
    const bundle = (await import('/somewhere/else/lib/claim-editor.js' as string)) as {
      suggestProvenance(text: string): Promise<{ role: string; source?: string }[]>;
    };
    const pending = bundle.suggestProvenance('Rain fell, the Korean Central News Agency said.');
    return { isPromise: pending instanceof Promise, suggestions: await pending };
  });
  expect(result.isPromise).toBe(true);
  expect(result.suggestions).toEqual([expect.objectContaining({ role: 'state-media', source: 'KCNA' })]);
  expect(scripts).toEqual([
    '/somewhere/else/lib/claim-editor.js',
    expect.stringMatching(/^\/somewhere\/else\/lib\/suggester-chunk-\w+\.js$/),
  ]);
  expect(errors).toEqual([]);
});

test('the demo with ?sync= loads the sync chunk and shows the sync status (no server: offline)', async ({ page }) => {
  const scripts = scriptRequests(page);
  await page.goto('/demo/?sync=ws://127.0.0.1:9/&token=t&user=Ana');
  await expect(textLocator(page)).toContainText('Independent figures paint a different picture.');
  const status = editorLocator(page).locator('[part~="toolbar"] .sync-status');
  await expect(status).toHaveAttribute('data-state', /connecting|offline/);
  expect(fromDist(scripts)).toEqual(['/dist/claim-editor.js', expect.stringMatching(/^\/dist\/sync-chunk-\w+\.js$/)]);
  // Local work continues while the server cannot be reached.
  await tagSentence(page, SENTENCES.stateDept, TAGS.fact.key);
  await expect(textLocator(page).locator(`mark[data-tag="${TAGS.fact.id}"]`).first()).toBeVisible();
});
