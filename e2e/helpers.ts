import { expect, type Locator, type Page } from '@playwright/test';
import type { Annotation } from '../src/model/annotation.js';

/** What `editor.annotations` gives back. */
export type AnnotationData = Annotation;

/** The public surface of `<claim-editor>` these tests read, as seen from inside the page. */
interface ClaimEditorElement extends HTMLElement {
  readonly annotations: AnnotationData[];
  readonly text: string;
}

export const TAGS = {
  state: { id: 'state-media-claim', label: 'State-media claim', key: '1' },
  analyst: { id: 'analyst-opinion', label: 'Analyst opinion', key: '2' },
  fact: { id: 'reported-fact', label: 'Reported fact', key: '3' },
} as const;

/** Sentences of the demo article, as a reader sees them (whitespace collapsed). */
export const SENTENCES = {
  independent: 'Independent figures paint a different picture.',
  customs:
    'Customs data published by the U.N. Food and Agriculture Organization show that Varnia imported 1.2 million tonnes of grain last year, up from 0.8 million tonnes the year before.',
  stateDept: 'The U.S. State Department declined to comment.',
  consortium:
    'The terminal was built by a consortium of three Varnian firms at a cost of 410 million dollars, the consortium’s annual filing shows.',
  praised:
    'He praised dock workers for “heroic labour” and called the terminal “a fortress against hunger,” the agency said.',
  vcp: 'According to VCP, the terminal handled 3.5 million tonnes of wheat in its first year, a figure the agency described as “a historic victory over foreign sanctions.”',
  dascu: 'Dascu also ordered officials to double grain exports by Jan. 5 next year, it said.',
  lena: 'Prof. Lena Varga, who studies official media at the University of Tartu, said the claim fits a long pattern.',
} as const;

/** The third paragraph of the demo, whole. */
export const INDEPENDENT_PARAGRAPH = `${SENTENCES.independent} ${SENTENCES.customs}`;

export const editorLocator = (page: Page): Locator => page.locator('claim-editor#editor');
export const textLocator = (page: Page): Locator => page.locator('claim-editor#editor .ProseMirror');
/** The editor's announcer (the sidebar has a live region of its own, for presence). */
export const liveRegion = (page: Page): Locator => page.locator('claim-editor#editor .announcer');
export const detailsLocator = (page: Page): Locator => page.locator('claim-editor#editor .sidebar claim-details');
/** The details Enter opens beside the selected annotation (a popover, or a bottom sheet on narrow elements). */
export const openDetailsLocator = (page: Page): Locator =>
  page.locator('claim-editor#editor .details-popover claim-details');
export const sidebarEntries = (page: Page): Locator => page.locator('claim-editor#editor claim-sidebar button.entry');
export const toolbarLocator = (page: Page): Locator => page.locator('claim-editor#editor [part~="toolbar"]');

/**
 * Opens the toolbar's "N suggested" menu (accept those above a threshold,
 * clear) as a user does, and returns it.
 */
export async function openSuggestionMenu(page: Page): Promise<Locator> {
  const menu = toolbarLocator(page).locator('details.suggest-more');
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) {
    await menu.locator('summary').click();
  }
  const dropdown = menu.locator('.dropdown');
  await expect(dropdown).toBeVisible();
  return dropdown;
}

/** Opens the demo and waits until the article is in the editor. */
export async function openDemo(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/demo/');
  await expect(textLocator(page)).toContainText('Independent figures paint a different picture.');
  await page.evaluate(() => customElements.whenDefined('claim-editor'));
  expect(errors, 'no uncaught errors while loading the demo').toEqual([]);
}

export async function annotations(page: Page): Promise<AnnotationData[]> {
  return page.evaluate(() => (document.querySelector('claim-editor#editor') as ClaimEditorElement).annotations);
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('claim-editor#editor') as ClaimEditorElement).text);
}

/** Where a piece of the article's text is on screen (viewport coordinates). */
export interface TextBox {
  /** The first character's box. */
  first: { left: number; right: number; top: number; bottom: number };
  /** The last character's box. */
  last: { left: number; right: number; top: number; bottom: number };
  /** The middle of the whole range's first line box. */
  center: { x: number; y: number };
}

/**
 * Finds `needle` (the `occurrence`-th time, from 0) in the rendered article
 * of the editor `selector` (the demo's by default), scrolls it to the middle
 * of the viewport, and measures it.
 */
export async function locateText(
  page: Page,
  needle: string,
  occurrence = 0,
  selector = 'claim-editor#editor',
): Promise<TextBox> {
  const box = await page.evaluate(
    ({ needle, occurrence, selector }) => {
      const root = document.querySelector(selector)?.shadowRoot?.querySelector('.ProseMirror');
      if (!root) throw new Error(`No .ProseMirror in ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += (node as Text).data;
      }
      let index = -1;
      for (let i = 0; i <= occurrence; i += 1) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the article of ${selector}`);
      }
      const point = (offset: number, preferEnd: boolean): [Text, number] => {
        for (let i = nodes.length - 1; i >= 0; i -= 1) {
          const { node, start } = nodes[i];
          const inside = preferEnd
            ? start < offset && offset <= start + node.length
            : start <= offset && offset < start + node.length;
          if (inside) return [node, offset - start];
        }
        throw new Error(`offset ${offset} not found`);
      };
      const rangeOf = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(...point(from, false));
        range.setEnd(...point(to, true));
        return range;
      };
      const whole = rangeOf(index, index + needle.length);
      (whole.startContainer.parentElement ?? root).scrollIntoView({ block: 'center' });
      const rect = (range: Range) => {
        const r = [...range.getClientRects()].find((c) => c.width > 0) ?? range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const first = rect(rangeOf(index, index + 1));
      const last = rect(rangeOf(index + needle.length - 1, index + needle.length));
      const line = rect(whole);
      return { first, last, center: { x: (line.left + line.right) / 2, y: (line.top + line.bottom) / 2 } };
    },
    { needle, occurrence, selector },
  );
  return box;
}

/** Clicks in the middle of `needle` in the article. */
export async function clickText(page: Page, needle: string, occurrence = 0): Promise<void> {
  const box = await locateText(page, needle, occurrence);
  await page.mouse.click(box.center.x, box.center.y);
}

/**
 * Drags from just before the first character of `needle` to just after its
 * last character (in the article), optionally with Alt held.
 */
export async function dragText(page: Page, needle: string, { alt = false } = {}): Promise<void> {
  const box = await locateText(page, needle);
  const startPoint = { x: box.first.left + 1, y: (box.first.top + box.first.bottom) / 2 };
  const endPoint = { x: box.last.right - 1, y: (box.last.top + box.last.bottom) / 2 };
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(startPoint.x, startPoint.y);
  await page.mouse.down();
  await page.mouse.move((startPoint.x + endPoint.x) / 2, (startPoint.y + endPoint.y) / 2, { steps: 5 });
  await page.mouse.move(endPoint.x, endPoint.y, { steps: 5 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

/** Waits until there are `count` annotations and returns them. */
export async function expectAnnotationCount(page: Page, count: number): Promise<AnnotationData[]> {
  await expect.poll(async () => (await annotations(page)).length, { message: `${count} annotation(s)` }).toBe(count);
  return annotations(page);
}

/** The tag of the annotation open in the details panel (its checked radio), or null when the panel is hidden. */
export async function selectedTagInDetails(page: Page): Promise<string | null> {
  const details = detailsLocator(page);
  if (await details.isHidden()) return null;
  const checked = details.locator('input[type=radio][name=tag]:checked');
  if ((await checked.count()) === 0) return null;
  return checked.inputValue();
}

/** The id of the sidebar entry marked aria-current="true", if any. */
export async function currentEntryId(page: Page): Promise<string | null> {
  const current = page.locator('claim-editor#editor claim-sidebar button.entry[aria-current="true"]');
  if ((await current.count()) === 0) return null;
  return current.first().getAttribute('data-annotation-id');
}

/** The text under every mark of one annotation, joined in document order. */
export async function markedText(page: Page, id: string): Promise<string> {
  return page.evaluate((id) => {
    const root = document.querySelector('claim-editor#editor')?.shadowRoot;
    const marks = [...(root?.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`) ?? [])];
    // Nested marks of the same annotation would count twice: keep the outermost.
    const outer = marks.filter((mark) => !marks.some((other) => other !== mark && other.contains(mark)));
    return outer.map((mark) => mark.textContent ?? '').join('');
  }, id);
}

/** Tags the sentence containing `needle`: click it, press the tag's key; returns the new annotation. */
export async function tagSentence(page: Page, needle: string, key: string): Promise<AnnotationData> {
  const before = await annotations(page);
  await clickText(page, needle);
  // Shift: tag and stay on it (a plain key would move on to the next untagged sentence).
  await page.keyboard.press(`Shift+${key}`);
  const after = await expectAnnotationCount(page, before.length + 1);
  const added = after.find((a) => !before.some((b) => b.id === a.id));
  if (!added) throw new Error('No new annotation');
  return added;
}

/**
 * Lets the page finish what an input event started: tasks it queued (the
 * editor widens a drag to sentences in a zero-delay task) and the next frame
 * (Lit renders). Not a sleep: it waits for the page's queues, not for time.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 0)), 0)),
  );
}

/** The text selected in the editor's shadow root, white space collapsed. */
export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('claim-editor#editor')?.shadowRoot as
      (ShadowRoot & { getSelection?: () => Selection | null }) | null;
    const selection = root?.getSelection?.() ?? document.getSelection();
    return (selection?.toString() ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** A description of the deepest focused element (through shadow roots). */
export async function deepFocus(page: Page): Promise<{ tag: string; className: string; text: string }> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.localName ?? '',
      className: typeof element?.className === 'string' ? element.className : '',
      text: (element?.textContent ?? '').trim().slice(0, 40),
    };
  });
}
