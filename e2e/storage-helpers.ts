import { expect, type Locator, type Page } from '@playwright/test';
import { annotations, editorLocator, markedText, openDemo, type AnnotationData } from './helpers.js';

/** The title the demo's sample article is saved under (its first heading). */
export const SAMPLE_TITLE = 'Varnia claims food self-sufficiency as grain imports keep rising';

/** What the toolbar shows once every change is in IndexedDB (short, for its one row). */
export const SAVED_STATUS = 'Saved';

/** What it says then to screen readers and in its tooltip. */
export const SAVED_STATUS_SPOKEN = 'All changes saved in this browser';

/** The toolbar's save status line. */
export const saveStatus = (page: Page): Locator => editorLocator(page).locator('.save-status');

/** Waits until the toolbar says every change is saved in this browser: short on screen, whole when spoken. */
export async function expectSaved(page: Page): Promise<void> {
  const status = saveStatus(page);
  await expect(status, 'the toolbar says everything is saved').toHaveAttribute('data-state', 'saved');
  await expect(status.locator('[aria-hidden="true"]')).toHaveText(SAVED_STATUS);
  await expect(status.locator('.visually-hidden')).toHaveText(SAVED_STATUS_SPOKEN);
  await expect(status).toHaveAttribute('title', SAVED_STATUS_SPOKEN);
}

/** The "Saved in this browser" list. */
export const documentsList = (page: Page): Locator => page.locator('#documents');

/** The titles shown in the "Saved in this browser" list, in order. */
export const listedTitles = (page: Page): Locator => documentsList(page).locator('li .title');

/** The list's "Open <title>" button. */
export const openButton = (page: Page, title: string): Locator =>
  documentsList(page).getByRole('button', { name: `Open ${title}`, exact: true });

/** The list's "Delete <title>" button. */
export const deleteButton = (page: Page, title: string): Locator =>
  documentsList(page).getByRole('button', { name: `Delete ${title}`, exact: true });

/** Waits until the list shows exactly one item titled `title`. */
export async function expectListed(page: Page, title: string): Promise<void> {
  await expect(listedTitles(page).filter({ hasText: title }), `"${title}" is in the saved list`).toHaveCount(1);
  await expect(openButton(page, title)).toHaveCount(1);
}

/**
 * Opens the demo and waits until its first save is done and the sample is in
 * the "Saved in this browser" list: the list grows above the article when it
 * fills in, which would move the text under a click aimed before it did.
 */
export async function openDemoSaved(page: Page): Promise<void> {
  await openDemo(page);
  await expectSaved(page);
  await expectListed(page, SAMPLE_TITLE);
}

/** Opens a saved article from the list, the way a user does: its "Open <title>" button. */
export async function openFromList(page: Page, title: string): Promise<void> {
  const button = openButton(page, title);
  await expect(button, `"Open ${title}" can be clicked`).toBeEnabled();
  await button.click();
  // The list marks the open article and disables its button once it is open.
  await expect(button).toHaveAttribute('aria-current', 'true');
}

/**
 * Creates an article through the demo's "New article from pasted text or
 * HTML" form: opens the disclosure, types the title, pastes the body, submits.
 */
export async function createArticle(page: Page, title: string, body: string): Promise<void> {
  const disclosure = page.locator('details#new-article');
  if (!(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await disclosure.getByText('New article from pasted text or HTML').click();
  }
  const form = disclosure.locator('form');
  await form.getByLabel('Title').fill(title);
  // "Pasting": the whole body at once, as a paste would put it in the textarea.
  await form.getByLabel(/^Article \(/).fill(body);
  await form.getByRole('button', { name: 'Create and open' }).click();
  await expect(openButton(page, title), `"${title}" is listed and open`).toHaveAttribute('aria-current', 'true');
}

/** The tag, quote, source and note of each annotation, sorted by quote (for comparing two editors). */
export function essentials(list: AnnotationData[]): Pick<AnnotationData, 'id' | 'tag' | 'quote' | 'source' | 'note'>[] {
  return list
    .map(({ id, tag, quote, source, note }) => ({ id, tag, quote, source, note }))
    .sort((a, b) => a.quote.localeCompare(b.quote));
}

/** Polls until the editor on `page` holds an annotation with this id, and returns it. */
export async function expectAnnotationWithId(page: Page, id: string, message: string): Promise<AnnotationData> {
  await expect.poll(async () => (await annotations(page)).some((a) => a.id === id), { message }).toBe(true);
  const found = (await annotations(page)).find((a) => a.id === id);
  if (!found) throw new Error(`No annotation ${id}`);
  return found;
}

/** Checks that an annotation is drawn: its marks carry its tag and cover exactly its quote. */
export async function expectDrawn(page: Page, annotation: Pick<AnnotationData, 'id' | 'tag' | 'quote'>): Promise<void> {
  const marks = editorLocator(page).locator(`mark[data-annotation-id="${annotation.id}"]`);
  await expect(marks.first(), `annotation "${annotation.quote.slice(0, 30)}…" is highlighted`).toBeVisible();
  await expect(marks.first()).toHaveAttribute('data-tag', annotation.tag);
  await expect
    .poll(() => markedText(page, annotation.id), { message: 'the highlight covers exactly the quote' })
    .toBe(annotation.quote);
}

/**
 * Every element with one of these names, or with an attribute starting with
 * "on", under the editor, through all its (nested) shadow roots.
 */
export async function unsafeNodesInEditor(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        const name = element.localName;
        if (['script', 'img', 'iframe', 'object', 'embed'].includes(name)) found.push(`<${name}>`);
        for (const attribute of element.attributes) {
          if (attribute.name.toLowerCase().startsWith('on'))
            found.push(`<${name} ${attribute.name}="${attribute.value}">`);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    const host = document.querySelector('claim-editor#editor');
    if (!host?.shadowRoot) throw new Error('No claim-editor shadow root');
    visit(host.shadowRoot);
    return found;
  });
}
