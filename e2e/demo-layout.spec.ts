import { expect, test, type Page } from '@playwright/test';

/**
 * Where, below the article box or the sidebar, the editor's grid row goes on
 * (the other column is taller): points that should show the page itself.
 * Document coordinates, with a point in the page's left margin on the same line.
 */
async function pointsBelowBoxes(
  page: Page,
): Promise<{ below: { x: number; y: number }; margin: { x: number; y: number }; what: string }[]> {
  return page.evaluate(() => {
    const points: { below: { x: number; y: number }; margin: { x: number; y: number }; what: string }[] = [];
    for (const editor of document.querySelectorAll('claim-editor')) {
      const root = editor.shadowRoot!;
      const grid = root.querySelector('.layout')!;
      // One column (a narrow editor): the sidebar is below the article, nothing is beside it.
      if (getComputedStyle(grid).gridTemplateColumns.split(' ').length < 2) continue;
      const layout = grid.getBoundingClientRect();
      for (const selector of ['.editor .ProseMirror', '.sidebar']) {
        const box = root.querySelector(selector)!.getBoundingClientRect();
        if (layout.bottom - box.bottom < 16) continue;
        const y = Math.round((box.bottom + layout.bottom) / 2 + window.scrollY);
        points.push({
          below: { x: Math.round((box.left + box.right) / 2 + window.scrollX), y },
          margin: { x: 4, y },
          what: `below ${selector} of claim-editor${editor.id ? `#${editor.id}` : ''}`,
        });
      }
    }
    return points;
  });
}

/**
 * The colours of a full-page screenshot at these document points, read back
 * through a canvas in a page of their own (a strict CSP refuses data: images).
 */
async function colorsAt(page: Page, points: { x: number; y: number }[]): Promise<string[]> {
  const png = (await page.screenshot({ fullPage: true })).toString('base64');
  const reader = await page.context().newPage();
  return reader.evaluate(
    async ({ png, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return points.map(({ x, y }) => context.getImageData(x, y, 1, 1).data.slice(0, 3).join(','));
    },
    { png, points },
  );
}

for (const path of ['/demo/', '/demo/csp.html', '/demo/themes.html']) {
  test(`no block of the editor's surface hangs below the article box or the sidebar on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('claim-editor .ProseMirror').first()).toBeVisible();
    await expect(page.locator('claim-editor claim-sidebar').first()).toBeVisible();
    const points = await pointsBelowBoxes(page);
    expect(points.length, 'the page has a column shorter than its neighbour').toBeGreaterThan(0);
    const colors = await colorsAt(
      page,
      points.flatMap(({ below, margin }) => [below, margin]),
    );
    points.forEach(({ what }, i) =>
      expect(colors[2 * i], `${what}: the page's own background`).toBe(colors[2 * i + 1]),
    );
  });
}
