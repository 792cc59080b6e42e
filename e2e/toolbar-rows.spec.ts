import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { liveRegion, textLocator, toolbarLocator } from './helpers.js';
import { openDemoSaved } from './storage-helpers.js';

/** Viewport widths the toolbar is checked at: a desktop, the one-row limit, a CMS column, phones. */
const WIDTHS = [1280, 900, 700, 390, 360, 320] as const;
const HEIGHT = 844;

interface ToolbarLayout {
  /** Rows its children take, from their offsetTop values. */
  rows: number;
  height: number;
  position: string;
  /** Children drawn over each other, or past the toolbar's edge. */
  problems: string[];
}

/** How the toolbar is laid out now, measured from its children's boxes. */
async function toolbarLayout(page: Page): Promise<ToolbarLayout> {
  return toolbarLocator(page).evaluate((toolbar: HTMLElement) => {
    const items = [...toolbar.children].filter(
      (child): child is HTMLElement =>
        child instanceof HTMLElement && child.offsetHeight > 0 && getComputedStyle(child).position !== 'absolute',
    );
    let rows = 0;
    let rowEnd = -Infinity;
    for (const item of items) {
      if (item.offsetTop >= rowEnd - 2) {
        rows += 1;
        rowEnd = item.offsetTop + item.offsetHeight;
      } else {
        rowEnd = Math.max(rowEnd, item.offsetTop + item.offsetHeight);
      }
    }
    const name = (item: HTMLElement) => `${item.tagName.toLowerCase()}.${item.className}`;
    const outer = toolbar.getBoundingClientRect();
    const boxes = items.map((item) => ({ item, box: item.getBoundingClientRect() }));
    const problems: string[] = [];
    boxes.forEach(({ item, box }, index) => {
      if (box.left < outer.left || box.right > outer.right + 0.5 || box.bottom > outer.bottom + 0.5) {
        problems.push(`${name(item)} is cut off`);
      }
      for (const other of boxes.slice(index + 1)) {
        const overlap =
          Math.min(box.right, other.box.right) - Math.max(box.left, other.box.left) > 0.5 &&
          Math.min(box.bottom, other.box.bottom) - Math.max(box.top, other.box.top) > 0.5;
        if (overlap) problems.push(`${name(item)} overlaps ${name(other.item)}`);
      }
    });
    return { rows, height: toolbar.offsetHeight, position: getComputedStyle(toolbar).position, problems };
  });
}

/** Waits for the fit controller (it measures in the next frame) and checks rows, overlap and stickiness. */
async function expectKeepsItsSize(page: Page, width: number, state: string): Promise<ToolbarLayout> {
  const maxRows = width >= 900 ? 1 : 2;
  await expect
    .poll(async () => (await toolbarLayout(page)).rows, { message: `rows at ${width} px, ${state}` })
    .toBeLessThanOrEqual(maxRows);
  const layout = await toolbarLayout(page);
  expect(layout.problems, `nothing overlaps or is cut off at ${width} px, ${state}`).toEqual([]);
  const viewport = page.viewportSize()!;
  const tooTall = layout.height > viewport.height / 6;
  await expect
    .poll(async () => (await toolbarLayout(page)).position, {
      message: `sticky only while at most a sixth of the viewport (${layout.height} of ${viewport.height} px)`,
    })
    .toBe(tooTall ? 'static' : 'sticky');
  return layout;
}

/** Suggestion labels that reach past the right edge of the text (a label longer than a line must wrap). */
async function labelsPastTheText(page: Page): Promise<string[]> {
  return textLocator(page).evaluate((text: HTMLElement) => {
    const edge = text.getBoundingClientRect().right;
    return [...text.querySelectorAll<HTMLElement>('.claim-suggestion-label')]
      .filter((label) => label.getBoundingClientRect().right > edge + 0.5)
      .map((label) => `${label.dataset.cue ?? ''} ends at ${label.getBoundingClientRect().right}, the text at ${edge}`);
  });
}

/** A screenshot of the toolbar where it sits at the top of the page (a clip is in page coordinates), for the report. */
async function attachToolbar(page: Page, testInfo: TestInfo, file: string, title: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await toolbarLocator(page).boundingBox())!;
  const path = testInfo.outputPath(file);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path, clip: { x: 0, y: Math.max(0, box.y - 8), width, height: box.height + 16 } });
  await testInfo.attach(title, { path, contentType: 'image/png' });
}

/** Makes every IndexedDB write fail as a full disk would, then tags a sentence: the toolbar shows its alert. */
async function failStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await textLocator(page).locator('p').first().click();
  await page.keyboard.press('1');
  await expect(toolbarLocator(page).locator('.storage-error')).toBeVisible();
}

for (const width of WIDTHS) {
  test(`at ${width} px the toolbar keeps ${width >= 900 ? 'one row' : 'two rows at most'}: plain, with suggestions, on a suggested sentence`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: HEIGHT });
    await openDemoSaved(page);
    await expectKeepsItsSize(page, width, 'before suggesting');

    await textLocator(page).focus();
    await page.keyboard.press('s');
    await expect(liveRegion(page)).toContainText(/\d+ suggestions/);
    await expect(toolbarLocator(page).locator('details.suggest-more')).toBeVisible();
    await expectKeepsItsSize(page, width, 'with suggestions shown');
    expect(await labelsPastTheText(page), `suggestion labels stay inside the text at ${width} px`).toEqual([]);

    await textLocator(page).locator('.claim-suggestion').nth(1).click();
    await expect(toolbarLocator(page).locator('button.accept-suggestion')).toBeVisible();
    await expectKeepsItsSize(page, width, 'on a suggested sentence');

    await attachToolbar(page, testInfo, `toolbar-${width}.png`, `toolbar at ${width} px`);
  });

  test(`at ${width} px with a storage error and a sync status the toolbar keeps ${width >= 900 ? 'one row' : 'two rows at most'}, also with suggestions and on a suggested sentence`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: HEIGHT });
    await page.goto('/demo/?sync=ws://127.0.0.1:9/&token=t&user=Ana');
    const sync = toolbarLocator(page).locator('.sync-status');
    await expect(sync).toHaveAttribute('data-state', /connecting|offline/);
    await failStorage(page);
    const alert = toolbarLocator(page).locator('.storage-error');
    await expect(alert).toContainText('Not saved');
    await expectKeepsItsSize(page, width, 'with a storage error and a sync status');

    await textLocator(page).focus();
    await page.keyboard.press('s');
    await expect(liveRegion(page)).toContainText(/\d+ suggestions/);
    await expect(toolbarLocator(page).locator('details.suggest-more')).toBeVisible();
    await expectKeepsItsSize(page, width, 'with a storage error, a sync status and suggestions');

    await textLocator(page).locator('.claim-suggestion').nth(1).click();
    await expect(toolbarLocator(page).locator('button.accept-suggestion')).toBeVisible();
    await expectKeepsItsSize(page, width, 'with a storage error, a sync status and a suggested sentence selected');

    // However short they are drawn, the statuses and the controls keep their names, spoken and in the tooltips.
    await expect(alert).toHaveAttribute('title', /^Not saved: /);
    await expect(alert).toContainText('Not saved');
    await expect(alert.getByRole('button', { name: 'Retry now' })).toBeVisible();
    await expect(sync).toHaveAttribute('title', /^(Connecting…|Offline: changes kept here)$/);
    await expect(sync.locator('.visually-hidden')).toHaveText(/^(Connecting…|Offline: changes kept here)$/);
    const suggestions = toolbarLocator(page).getByRole('group', { name: 'Suggestions' });
    await expect(suggestions.getByRole('button', { name: /^Accept “/ })).toBeVisible();
    await expect(suggestions.getByRole('button', { name: 'Reject' })).toBeVisible();
    await expect(suggestions.locator('summary')).toHaveText(/^\d+ suggested$/);
    await expect(suggestions.locator('summary')).toHaveAttribute('title', /^\d+ suggested$/);
    const axe = await new AxeBuilder({ page }).include('claim-editor#editor').analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe finds nothing at ${width} px`,
    ).toEqual([]);

    await attachToolbar(
      page,
      testInfo,
      `toolbar-${width}-alert-sync-suggestion.png`,
      `toolbar at ${width} px with an alert, a sync status and a suggestion`,
    );

    // Drawn as an icon, Accept still takes a click.
    await suggestions.getByRole('button', { name: /^Accept “/ }).click();
    await expect(liveRegion(page)).toContainText(/Accepted as/);
  });
}

test('on a short screen the two-row toolbar is more than a sixth of the viewport: it scrolls away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemoSaved(page);
  const tall = await expectKeepsItsSize(page, 390, 'upright phone');
  expect(tall.position, 'two rows are less than a sixth of 844 px: it stays').toBe('sticky');
  await page.setViewportSize({ width: 390, height: 400 });
  const short = await expectKeepsItsSize(page, 390, 'short phone screen');
  expect(short.height).toBeGreaterThan(400 / 6);
  expect(short.position).toBe('static');
});
