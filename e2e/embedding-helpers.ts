import { expect, type Locator, type Page } from '@playwright/test';
import { locateText, type AnnotationData } from './helpers.js';

/**
 * The helpers of ./helpers.ts address the demo's `claim-editor#editor`; the
 * embedding pages have editors without that id (the CMS form) or several
 * (the themes page). These take the editor's CSS selector.
 */

interface ClaimEditorElement extends HTMLElement {
  readonly annotations: AnnotationData[];
  readonly text: string;
  flush(): Promise<void>;
}

/** The selector of the only editor on the CMS page. */
export const CMS_EDITOR = 'form#article-form claim-editor';

export const editorIn = (page: Page, selector: string): Locator => page.locator(selector);
export const textIn = (page: Page, selector: string): Locator => page.locator(`${selector} .ProseMirror`);

/** Waits until `selector` shows `expectedText` and has finished loading from storage. */
export async function waitForEditor(page: Page, selector: string, expectedText: string): Promise<void> {
  await expect(textIn(page, selector)).toContainText(expectedText);
  await page.evaluate(async (selector) => {
    await customElements.whenDefined('claim-editor');
    await (document.querySelector(selector) as ClaimEditorElement).flush();
  }, selector);
}

export async function annotationsIn(page: Page, selector: string): Promise<AnnotationData[]> {
  return page.evaluate((selector) => (document.querySelector(selector) as ClaimEditorElement).annotations, selector);
}

/** Waits until `selector` holds `count` annotations and returns them. */
export async function expectCountIn(page: Page, selector: string, count: number): Promise<AnnotationData[]> {
  await expect
    .poll(async () => (await annotationsIn(page, selector)).length, { message: `${selector}: ${count} annotation(s)` })
    .toBe(count);
  return annotationsIn(page, selector);
}

/**
 * Clicks the middle of `needle` in the article of the editor `selector` (scrolled to the middle of the viewport first).
 */
export async function clickTextIn(page: Page, selector: string, needle: string): Promise<void> {
  const { center } = await locateText(page, needle, 0, selector);
  await page.mouse.click(center.x, center.y);
}

/**
 * Tags the sentence containing `needle` in the editor `selector` (click it, press `key`); returns the new annotation.
 */
export async function tagSentenceIn(
  page: Page,
  selector: string,
  needle: string,
  key: string,
): Promise<AnnotationData> {
  const before = await annotationsIn(page, selector);
  await clickTextIn(page, selector, needle);
  await page.keyboard.press(key);
  const after = await expectCountIn(page, selector, before.length + 1);
  const added = after.find((a) => !before.some((b) => b.id === a.id));
  if (!added) throw new Error(`No new annotation in ${selector}`);
  return added;
}

/** A box of an element inside the editor's shadow root, found by its `part`. */
export async function partBox(
  page: Page,
  selector: string,
  part: string,
): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return page.evaluate(
    ({ selector, part }) => {
      const element = document.querySelector(selector)?.shadowRoot?.querySelector(`[part~="${part}"]`);
      if (!element) throw new Error(`No [part~="${part}"] in ${selector}`);
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    },
    { selector, part },
  );
}

/** Console errors and uncaught exceptions of a page, from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
