import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SENTENCES, TAGS, editorLocator, openDemo, settle, tagSentence } from './helpers.js';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The rectangles of the selected annotation's text, the toolbar and the popover, in viewport coordinates. */
async function boxes(page: Page): Promise<{ marks: Box[]; toolbar: Box; popover: Box }> {
  return page.evaluate(() => {
    const root = document.querySelector('claim-editor#editor')!.shadowRoot!;
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const marks = [...root.querySelectorAll('mark.claim-selected')].flatMap((m) => [...m.getClientRects()].map(box));
    return {
      marks,
      toolbar: box(root.querySelector('.toolbar')!.getBoundingClientRect()),
      popover: box(root.querySelector('.details-popover')!.getBoundingClientRect()),
    };
  });
}

for (const [width, height] of [
  [1280, 900],
  [700, 900],
  [390, 844],
]) {
  test(`details popover, source combobox and progress at ${width} px`, async ({ page }) => {
    // Axe over the whole demo and a dozen steps: more than the default 30 s on a shared machine.
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height });
    await openDemo(page);
    await tagSentence(page, 'the terminal handled', TAGS.state.key);
    // A first source, so the second annotation's source field has something to offer.
    await page.keyboard.press('Enter');
    const popover = editorLocator(page).locator('.details-popover');
    await expect(popover).toBeVisible();
    await page.keyboard.type('Varnian Central Press');
    await page.keyboard.press('Enter');
    await expect(popover).toBeHidden();

    await tagSentence(page, 'Dascu also ordered', TAGS.state.key);
    await page.keyboard.press('Enter');
    await expect(popover).toBeVisible();
    await expect(popover).toHaveClass(width >= 704 ? /popover/ : /sheet/);
    await expect(popover.locator('claim-details')).toContainText(SENTENCES.dascu);
    await page.keyboard.type('Var');
    const listbox = popover.getByRole('listbox', { name: 'Sources used before' });
    await expect(listbox).toBeVisible();
    await expect(listbox.getByRole('option', { name: 'Varnian Central Press' })).toBeVisible();
    await expect(editorLocator(page).locator('claim-sidebar .progress')).toContainText('sentences tagged');
    await settle(page);

    const { marks, toolbar, popover: popoverBox } = await boxes(page);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(intersects(mark, popoverBox), `popover over the text at ${width} px`).toBe(false);
      expect(intersects(mark, toolbar), `toolbar over the text at ${width} px`).toBe(false);
    }
    await page.screenshot({ path: `/work/wt/popover-shots/details-${width}.png` });

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
  });
}
