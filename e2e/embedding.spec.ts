import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { TAGS, editorLocator, expectAnnotationCount, settle, tagSentence } from './helpers.js';
import {
  CMS_EDITOR,
  annotationsIn,
  clickTextIn,
  collectErrors,
  editorIn,
  expectCountIn,
  partBox,
  tagSentenceIn,
  textIn,
  waitForEditor,
} from './embedding-helpers.js';

/** The policy web-dev-server.config.mjs serves demo/csp.html with. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Sentences of demo/cms.html, as a reader sees them. */
const CMS = {
  plant:
    'PORT LENNIS, April 9 — The coastal desalination plant reopened on Tuesday after a week of safety tests, the regional water board said.',
  broadcaster:
    'The state broadcaster reported that the plant now supplies “every household in the province,” a claim the board did not repeat.',
  engineer: 'An engineer at the Technical University of Varo said the repairs were “solid but overdue.”',
} as const;

/** Sentences of demo/csp.html. */
const CSP_FERRY =
  'RIVA BAY, June 2 — State television said the new ferry line would carry a million passengers a year.';

/** Sentences of demo/themes.html. */
const THEMES = {
  dam: 'ALDER CITY, May 5 — The official news agency said the dam had been finished ahead of schedule.',
  engineers: 'Engineers at the site said work would continue until autumn.',
  wheat: 'KESTON, May 6 — Wheat prices fell 4.1 percent in April, the statistics office reported.',
  economist: '“The drop will not last,” said an economist at Keston University.',
} as const;

async function openCms(page: Page): Promise<void> {
  await page.goto('/demo/cms.html');
  await waitForEditor(page, CMS_EDITOR, 'desalination plant');
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save article' });
const cmsTagButtons = (page: Page) => editorIn(page, CMS_EDITOR).locator('[part~="toolbar"] button.tag-button');

test.describe('the CMS form page', () => {
  test('two sentences tagged with click + key are what "Save article" sends', async ({ page }) => {
    await openCms(page);
    const first = await tagSentenceIn(page, CMS_EDITOR, 'state broadcaster reported', TAGS.state.key);
    const second = await tagSentenceIn(page, CMS_EDITOR, 'engineer at the Technical', TAGS.analyst.key);
    expect(first).toMatchObject({ tag: TAGS.state.id, quote: CMS.broadcaster, creator: 'Desk editor' });
    expect(second).toMatchObject({ tag: TAGS.analyst.id, quote: CMS.engineer, creator: 'Desk editor' });

    await Promise.all([page.waitForURL('**/demo/received'), saveButton(page).click()]);
    await expect(page.getByRole('heading', { name: 'What the CMS received' })).toBeVisible();
    await expect(page.locator('#annotation-count')).toHaveText('2');
    const items = page.locator('#received-annotations li');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toHaveAttribute('data-tag', TAGS.state.id);
    await expect(items.nth(0)).toContainText(CMS.broadcaster);
    await expect(items.nth(1)).toHaveAttribute('data-tag', TAGS.analyst.id);
    await expect(items.nth(1)).toContainText(CMS.engineer);
    // The other fields of the form travel with it.
    await expect(page.locator('th', { hasText: 'title' })).toHaveCount(1);
  });

  // Each Playwright test runs in a fresh browser context: nothing is saved in IndexedDB from the tests above.
  test('with nothing tagged, validation blocks the submission and the page stays', async ({ page }) => {
    await openCms(page);
    expect(await annotationsIn(page, CMS_EDITOR)).toEqual([]);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.evaluate((selector) => {
      const editor = document.querySelector(selector)!;
      (window as unknown as { invalidEvents: number }).invalidEvents = 0;
      editor.addEventListener('invalid', () => ((window as unknown as { invalidEvents: number }).invalidEvents += 1));
    }, CMS_EDITOR);
    const cmsUrl = page.url();

    await saveButton(page).click();
    // The browser's interactive validation fired `invalid` on the editor: the submission was aborted.
    await page.waitForFunction(() => (window as unknown as { invalidEvents: number }).invalidEvents > 0);
    await settle(page);
    expect(page.url()).toBe(cmsUrl);
    expect(posts, 'nothing was posted').toEqual([]);
    await expect(page.getByRole('heading', { name: 'Edit article' })).toBeVisible();
    const validity = await page.evaluate((selector) => {
      const editor = document.querySelector(selector) as HTMLElement & { validity: ValidityState };
      return {
        valueMissing: editor.validity.valueMissing,
        formValid: (document.getElementById('article-form') as HTMLFormElement).checkValidity(),
      };
    }, CMS_EDITOR);
    expect(validity).toEqual({ valueMissing: true, formValid: false });

    // Once a sentence is tagged, the same button submits.
    await tagSentenceIn(page, CMS_EDITOR, 'desalination plant reopened', TAGS.fact.key);
    await Promise.all([page.waitForURL('**/demo/received'), saveButton(page).click()]);
    await expect(page.locator('#annotation-count')).toHaveText('1');
    await expect(page.locator('#received-annotations li')).toHaveAttribute('data-tag', TAGS.fact.id);
    await expect(page.locator('#received-annotations li')).toContainText(CMS.plant);
  });

  test('"Discard changes" removes a tag just added and keeps the text', async ({ page }) => {
    await openCms(page);
    const textBefore = await textIn(page, CMS_EDITOR).innerText();
    const added = await tagSentenceIn(page, CMS_EDITOR, 'state broadcaster reported', TAGS.state.key);
    await expect(editorIn(page, CMS_EDITOR).locator(`mark[data-annotation-id="${added.id}"]`).first()).toBeVisible();

    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expectCountIn(page, CMS_EDITOR, 0);
    await expect(editorIn(page, CMS_EDITOR).locator('mark[data-annotation-id]')).toHaveCount(0);
    expect(await textIn(page, CMS_EDITOR).innerText()).toBe(textBefore);
    expect(page.url()).toContain('/demo/cms.html');
  });

  test('"Lock annotations" makes tag keys do nothing; unlocking lets them tag again', async ({ page }) => {
    await openCms(page);
    const lock = page.getByLabel('Lock annotations');
    await lock.check();
    await expect(page.locator('#claims-fieldset')).toHaveJSProperty('disabled', true);
    const buttons = cmsTagButtons(page);
    await expect(buttons).toHaveCount(3);
    for (const button of await buttons.all()) await expect(button).toBeDisabled();

    await clickTextIn(page, CMS_EDITOR, 'state broadcaster reported');
    await page.keyboard.press(TAGS.state.key);
    await clickTextIn(page, CMS_EDITOR, 'engineer at the Technical');
    await page.keyboard.press(TAGS.analyst.key);
    await settle(page);
    expect(await annotationsIn(page, CMS_EDITOR), 'nothing tagged while locked').toEqual([]);
    await expect(editorIn(page, CMS_EDITOR).locator('mark[data-annotation-id]')).toHaveCount(0);

    // The same click and key tag once unlocked: the check above went through the real path.
    await lock.uncheck();
    for (const button of await buttons.all()) await expect(button).toBeEnabled();
    const added = await tagSentenceIn(page, CMS_EDITOR, 'state broadcaster reported', TAGS.state.key);
    expect(added).toMatchObject({ tag: TAGS.state.id, quote: CMS.broadcaster });

    // Locked again, the annotations are not submitted (a disabled field sends nothing and is not validated).
    await lock.check();
    await Promise.all([page.waitForURL('**/demo/received'), saveButton(page).click()]);
    await expect(page.locator('th', { hasText: 'title' })).toHaveCount(1);
    await expect(page.locator('th', { hasText: 'annotations' })).toHaveCount(0);
    await expect(page.locator('#annotation-count')).toHaveCount(0);
  });
});

test('under a strict CSP: tag, export, import back — no violations, no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  const response = await page.goto('/demo/csp.html');
  expect(response, 'the page loaded').not.toBeNull();
  expect(response!.headers()['content-security-policy']).toBe(STRICT_CSP);
  await waitForEditor(page, 'claim-editor#editor', 'ferry line');

  const tagged = await tagSentence(page, 'new ferry line', TAGS.state.key);
  expect(tagged).toMatchObject({ tag: TAGS.state.id, quote: CSP_FERRY });

  // Export through the Export menu (at the top of the sidebar).
  const editor = editorLocator(page);
  await editor.locator('summary', { hasText: 'Export' }).click();
  const downloadEvent = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Backup of article and annotations (JSON)' }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/claims\.json$/);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as {
    format: string;
    annotations: { id: string; tag: string; quote: string }[];
  };
  expect(exported.format).toBe('claim-provenance');
  expect(exported.annotations.map((a) => [a.id, a.tag, a.quote])).toEqual([[tagged.id, TAGS.state.id, CSP_FERRY]]);

  // Remove the tag as a user (it is still the selected annotation: the toolbar keeps the editor's selection),
  // then bring it back from the file through Import….
  const deleteButton = editor.getByRole('button', { name: 'Delete tag' });
  await expect(deleteButton).toBeEnabled();
  await deleteButton.click();
  await expectAnnotationCount(page, 0);

  const chooserEvent = page.waitForEvent('filechooser');
  await editor.getByRole('button', { name: 'Import…' }).click();
  const chooser = await chooserEvent;
  await chooser.setFiles(file);
  const [restored] = await expectAnnotationCount(page, 1);
  expect(restored).toMatchObject({
    id: tagged.id,
    tag: TAGS.state.id,
    quote: CSP_FERRY,
    start: tagged.start,
    end: tagged.end,
  });
  await expect(editor.locator(`mark[data-annotation-id="${tagged.id}"]`).first()).toBeVisible();
  await expect(editor.locator('claim-transfer .report')).toContainText('1 added');

  await settle(page);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  await expect(page.locator('#violations')).toHaveText('0');
  expect(errors).toEqual([]);

  // The policy is enforced and counted: an inline style attribute is reported (so zero above means zero).
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div style="color: red">inline</div>'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.length))
    .toBeGreaterThan(0);
});

test.describe('the themes page: two editors', () => {
  const FIRST = 'claim-editor#first';
  const SECOND = 'claim-editor#second';

  test.beforeEach(async ({ page }) => {
    await page.goto('/demo/themes.html');
    await waitForEditor(page, FIRST, 'dam had been finished');
    await waitForEditor(page, SECOND, 'Wheat prices fell');
  });

  test('tagging and undo in one leave the other alone', async ({ page }) => {
    const inFirst = await tagSentenceIn(page, FIRST, 'official news agency', TAGS.state.key);
    expect(inFirst).toMatchObject({ tag: TAGS.state.id, quote: THEMES.dam });
    expect(await annotationsIn(page, SECOND), 'the second has none').toEqual([]);
    await expect(editorIn(page, SECOND).locator('mark[data-annotation-id]')).toHaveCount(0);

    const inSecond = await tagSentenceIn(page, SECOND, 'Wheat prices fell', TAGS.fact.key);
    expect(inSecond).toMatchObject({ tag: TAGS.fact.id, quote: THEMES.wheat });
    expect(
      (await annotationsIn(page, FIRST)).map((a) => a.id),
      'the first keeps only its own',
    ).toEqual([inFirst.id]);

    // Undo from the keyboard in the first: only the first's tag goes.
    await clickTextIn(page, FIRST, 'Engineers at the site');
    await page.keyboard.press('Control+z');
    await expectCountIn(page, FIRST, 0);
    expect(
      (await annotationsIn(page, SECOND)).map((a) => a.id),
      "undo in the first keeps the second's tag",
    ).toEqual([inSecond.id]);

    // And in the second: only the second's.
    await clickTextIn(page, SECOND, 'economist at Keston');
    await page.keyboard.press('Control+z');
    await expectCountIn(page, SECOND, 0);
    await clickTextIn(page, FIRST, 'Engineers at the site');
    await page.keyboard.press('Control+y');
    await expectCountIn(page, FIRST, 1);
    expect(await annotationsIn(page, SECOND)).toEqual([]);
  });

  test('the second is themed through ::part and custom properties, and lays its sidebar out below its text', async ({
    page,
  }) => {
    const toolbarBorder = (selector: string) =>
      editorIn(page, selector)
        .locator('[part~="toolbar"]')
        .evaluate((element) => {
          const style = getComputedStyle(element);
          return { color: style.borderBottomColor, width: style.borderBottomWidth };
        });
    expect(await toolbarBorder(SECOND)).toEqual({ color: 'rgb(122, 29, 91)', width: '3px' });
    expect((await toolbarBorder(FIRST)).color, 'the theme stays on the second').not.toBe('rgb(122, 29, 91)');

    // The tag colour custom property reaches the second's highlights only.
    await tagSentenceIn(page, SECOND, 'Wheat prices fell', TAGS.fact.key);
    await tagSentenceIn(page, FIRST, 'Engineers at the site', TAGS.fact.key);
    const underline = (selector: string) =>
      editorIn(page, selector)
        .locator('mark[data-annotation-id]')
        .first()
        .evaluate((mark) => getComputedStyle(mark).textDecorationColor);
    expect(await underline(SECOND)).toBe('rgb(47, 93, 30)');
    expect(await underline(FIRST)).not.toBe('rgb(47, 93, 30)');

    const secondText = await partBox(page, SECOND, 'editor');
    const secondSidebar = await partBox(page, SECOND, 'sidebar');
    expect(secondSidebar.top, 'narrow column: sidebar below the text').toBeGreaterThanOrEqual(secondText.bottom - 0.5);

    const firstText = await partBox(page, FIRST, 'editor');
    const firstSidebar = await partBox(page, FIRST, 'sidebar');
    expect(firstSidebar.top, 'wide column: sidebar beside the text').toBeLessThan(firstText.bottom);
    expect(firstSidebar.left).toBeGreaterThanOrEqual(firstText.right - 0.5);
  });
});

test('the bundle is one self-contained module: the themes page loads only it, and it has no bare imports', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const errors = collectErrors(page);
  await page.goto('/demo/themes.html');
  await waitForEditor(page, 'claim-editor#first', 'dam had been finished');

  const pageScripts = await page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => ({
      type: s.type,
      src: s.getAttribute('src'),
      inline: (s.textContent ?? '').trim(),
    })),
    importMap: document.querySelector('script[type="importmap"]') !== null,
    defined: ['claim-editor', 'claim-sidebar', 'claim-details', 'claim-transfer'].filter(
      (name) => !customElements.get(name),
    ),
  }));
  expect(pageScripts.scripts).toEqual([{ type: 'module', src: '../dist/claim-editor.js', inline: '' }]);
  expect(pageScripts.importMap).toBe(false);
  expect(pageScripts.defined, 'every element registered by the bundle').toEqual([]);
  expect(scripts, 'the only script fetched is the bundle').toEqual(['/dist/claim-editor.js']);
  expect(errors).toEqual([]);

  const response = await page.request.get('/dist/claim-editor.js');
  expect(response.ok()).toBe(true);
  const source = await response.text();
  // Specifiers that do not start with "." or "/" (bare: "lit", "prosemirror-view", "idb"…) in static
  // imports and re-exports (`…}from"x"`, `… from "x"`, `*from"x"`), side-effect imports and dynamic imports.
  // The keyword must follow a token boundary, so strings such as `"from","with"` in the bundle's word lists do not
  // count.
  const bare = {
    staticFrom: [...source.matchAll(/(?<=^|[\s}*])from\s*(["'])(?![./])[^"'\n]*\1/gm)].map((m) => m[0]),
    sideEffect: [...source.matchAll(/(?<=^|[\s;{}()])import\s*(["'])(?![./])[^"'\n]*\1/gm)].map((m) => m[0]),
    dynamic: [...source.matchAll(/(?<![\w$.])import\s*\(\s*(["'`])(?![./])[^"'`\n]*\1/g)].map((m) => m[0]),
  };
  expect(bare).toEqual({ staticFrom: [], sideEffect: [], dynamic: [] });
  expect(source).not.toMatch(/from\s*["']lit["']/);
  expect(source).not.toMatch(/from\s*["']prosemirror-/);
  expect(source).not.toMatch(/from\s*["']idb["']/);
});
