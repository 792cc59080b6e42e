import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  SENTENCES,
  TAGS,
  annotations,
  clickText,
  detailsLocator,
  editorLocator,
  expectAnnotationCount,
  liveRegion,
  openDemo,
  settle,
  tagSentence,
  textLocator,
} from './helpers.js';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One line per violation and node: rule id, impact, target, what is wrong. */
function describeViolations(results: AxeResults): string {
  return results.violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.helpUrl}`,
        ...violation.nodes.map(
          (node) =>
            `    target ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? ''}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

async function expectNoAxeViolations(page: Page, when: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  // Kept with the run: what axe could not decide (needs a human) and everything it checked.
  const incomplete = results.incomplete.map((rule) => ({
    id: rule.id,
    targets: rule.nodes.map((node) => node.target),
  }));
  await test.info().attach(`axe ${when}`, {
    body: JSON.stringify({ violations: results.violations, incomplete }, null, 2),
    contentType: 'application/json',
  });
  const report = describeViolations(results);
  expect(results.violations, `axe violations ${when}:\n${report}`).toEqual([]);
}

/** Tags three sentences with the three tags, by click and key. */
async function tagThree(page: Page): Promise<void> {
  await tagSentence(page, 'the terminal handled', TAGS.state.key);
  await tagSentence(page, 'said the claim fits a long pattern', TAGS.analyst.key);
  await tagSentence(page, 'declined to comment', TAGS.fact.key);
  await expectAnnotationCount(page, 3);
}

test.beforeEach(async ({ page }) => {
  await openDemo(page);
});

test('axe finds no violations, untagged and with three tags and the details panel open', async ({ page }) => {
  await expectNoAxeViolations(page, 'on the untagged demo');

  await tagThree(page);
  // Select one: click the first tagged sentence; its details open in the sidebar.
  await clickText(page, 'the terminal handled');
  await expect(detailsLocator(page)).toBeVisible();
  await expect(detailsLocator(page).locator('input[type=radio][name=tag]:checked')).toHaveValue(TAGS.state.id);
  await expectNoAxeViolations(page, 'with three tags and one selected (details panel open)');
});

test('every tagging action is announced in the live region', async ({ page }) => {
  const live = liveRegion(page);
  await expect(live).toHaveCount(1);
  await expect(live).toHaveAttribute('aria-live', /polite|assertive/);

  await clickText(page, 'paint a different');
  // Shift: tag and stay on the sentence (a tag key alone moves on to the next untagged one).
  await page.keyboard.press(`Shift+${TAGS.state.key}`);
  await expect(live).toContainText(TAGS.state.label);
  await expect(live).toContainText('Independent figures');

  // Retag by key, delete, undo, redo: each says something new.
  let before = (await live.textContent()) ?? '';
  const expectNewAnnouncement = async (what: string, contains?: string) => {
    await expect
      .poll(async () => ((await live.textContent()) ?? '').trim(), { message: `${what} is announced` })
      .not.toBe(before.trim());
    const now = (await live.textContent()) ?? '';
    expect(now.trim(), `${what} is announced`).not.toBe('');
    if (contains) expect(now, `${what}'s announcement`).toContain(contains);
    before = now;
  };
  await page.keyboard.press(TAGS.fact.key);
  await expectNewAnnouncement('retagging', TAGS.fact.label);
  await page.keyboard.press('Delete');
  await expectNewAnnouncement('deleting', TAGS.fact.label);
  await expectAnnotationCount(page, 0);
  await page.keyboard.press('Control+z');
  await expectNewAnnouncement('undo');
  await page.keyboard.press('Control+y');
  await expectNewAnnouncement('redo');

  await clickText(page, 'declined to comment');
  await settle(page);
  before = (await live.textContent()) ?? '';
  await page.keyboard.press(TAGS.analyst.key);
  await expectNewAnnouncement('tagging with key 2', TAGS.analyst.label);
});

test('tags are told apart without colour; screenshot of the tagged demo', async ({ page }) => {
  await tagThree(page);
  await clickText(page, 'Independent figures'); // leave no annotation selected
  await settle(page);
  await page.screenshot({ path: 'test-results/demo-tagged.png', fullPage: true });

  const styles = await page.evaluate(() => {
    const root = document.querySelector('claim-editor#editor')?.shadowRoot;
    const marks = [...(root?.querySelectorAll<HTMLElement>('mark.claim-mark[data-tag]') ?? [])];
    const labels = [...(root?.querySelectorAll<HTMLElement>('.claim-label[data-tag]') ?? [])];
    return {
      marks: marks.map((mark) => ({
        tag: mark.dataset.tag ?? '',
        style: getComputedStyle(mark).textDecorationStyle,
        line: getComputedStyle(mark).textDecorationLine,
      })),
      labels: labels.map((label) => ({
        tag: label.dataset.tag ?? '',
        content: getComputedStyle(label, '::before').content,
        display: getComputedStyle(label).display,
      })),
    };
  });

  const styleByTag = new Map<string, Set<string>>();
  for (const { tag, style, line } of styles.marks) {
    expect(line, `${tag} marks are underlined`).toContain('underline');
    styleByTag.set(tag, (styleByTag.get(tag) ?? new Set()).add(style));
  }
  const tags = Object.values(TAGS).map((tag) => tag.id);
  expect([...styleByTag.keys()].sort()).toEqual([...tags].sort());
  for (const tag of tags) expect(styleByTag.get(tag)?.size, `one underline style for ${tag}`).toBe(1);
  const patterns = tags.map((tag) => [...(styleByTag.get(tag) ?? [])][0]);
  expect(new Set(patterns).size, `each tag has its own underline style (${patterns.join(', ')})`).toBe(3);

  expect(styles.labels).toHaveLength(3);
  for (const label of styles.labels) {
    const expected = Object.values(TAGS).find((tag) => tag.id === label.tag)?.label;
    expect(label.content, `the label of ${label.tag} reads its tag`).toBe(JSON.stringify(expected));
    expect(label.display).not.toBe('none');
  }
});

test('tag labels have a contrast ratio of at least 4.5:1', async ({ page }) => {
  await tagThree(page);
  await clickText(page, SENTENCES.independent.slice(0, 20));
  await settle(page);
  await expect(editorLocator(page).locator('.claim-label')).toHaveCount(3);

  const ratios = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas');
    /** Any CSS colour as sRGB 0–255 plus alpha 0–1, through the canvas. */
    const rgba = (color: string): [number, number, number, number] => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      // Undo premultiplied rounding: the canvas stores straight alpha in getImageData.
      return [r, g, b, a / 255];
    };
    const over = (
      top: [number, number, number, number],
      bottom: [number, number, number],
    ): [number, number, number] => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)) as [number, number, number];
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    /**
     * The background actually behind an element: its own and its ancestors' (through shadow roots) composited over
     * white.
     */
    const backdrop = (element: Element): [number, number, number] => {
      const chain: Element[] = [];
      for (let node: Element | null = element; node;) {
        chain.push(node);
        const parent: Element | null = node.parentElement;
        node = parent ?? (node.getRootNode() as ShadowRoot).host ?? null;
      }
      let color: [number, number, number] = [255, 255, 255];
      for (const node of chain.reverse()) color = over(rgba(getComputedStyle(node).backgroundColor), color);
      return color;
    };
    const root = document.querySelector('claim-editor#editor')?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>('.claim-label') ?? [])].map((label) => {
      const background = backdrop(label);
      const style = getComputedStyle(label);
      const foreground = over(rgba(style.color), background);
      const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
      return {
        tag: label.dataset.tag ?? '',
        color: style.color,
        background: style.backgroundColor,
        ratio: (light + 0.05) / (dark + 0.05),
      };
    });
  });

  expect(ratios).toHaveLength(3);
  for (const { tag, color, background, ratio } of ratios) {
    expect(ratio, `label of ${tag}: ${color} on ${background} is ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  }
  // The label's text really is drawn: not transparent, not hidden.
  await expect(editorLocator(page).locator('.claim-label').first()).toBeVisible();
  await expect(textLocator(page)).toBeVisible();
  expect((await annotations(page)).length).toBe(3);
});
