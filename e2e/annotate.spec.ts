import { expect, test } from '@playwright/test';
import {
  INDEPENDENT_PARAGRAPH,
  SENTENCES,
  TAGS,
  annotations,
  clickText,
  currentEntryId,
  deepFocus,
  detailsLocator,
  openDetailsLocator,
  dragText,
  editorLocator,
  editorText,
  expectAnnotationCount,
  liveRegion,
  locateText,
  markedText,
  openDemo,
  selectedTagInDetails,
  selectedText,
  settle,
  sidebarEntries,
  tagSentence,
  textLocator,
} from './helpers.js';

test.beforeEach(async ({ page }) => {
  await openDemo(page);
});

test('a click selects a sentence and key 1 tags exactly that sentence', async ({ page }) => {
  await clickText(page, 'paint a different');
  await expect
    .poll(() => selectedText(page), { message: 'the click selects the whole sentence' })
    .toBe(SENTENCES.independent);
  await page.keyboard.press('1');

  const [annotation] = await expectAnnotationCount(page, 1);
  expect(annotation.tag).toBe(TAGS.state.id);
  expect(annotation.quote).toBe(SENTENCES.independent);
  expect((await editorText(page)).slice(annotation.start, annotation.end)).toBe(SENTENCES.independent);

  const marks = editorLocator(page).locator(`mark.claim-mark[data-annotation-id="${annotation.id}"]`);
  await expect(marks.first()).toHaveAttribute('data-tag', TAGS.state.id);
  expect(await markedText(page, annotation.id), 'the mark covers exactly the sentence').toBe(SENTENCES.independent);
  await expect(editorLocator(page).locator(`.claim-label[data-annotation-id="${annotation.id}"]`)).toHaveCount(1);

  const entries = sidebarEntries(page);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toHaveAttribute('data-annotation-id', annotation.id);
  await expect(entries.first()).toHaveAttribute('data-tag', TAGS.state.id);
  await expect(entries.first()).toContainText(TAGS.state.label);
  await expect(entries.first()).toContainText(SENTENCES.independent);
});

const QUOTE = '3.5 million tonnes of wheat';

test('Alt+drag inside the sentence just tagged selects and tags exactly the dragged words', async ({ page }) => {
  // The sentence stays selected after tagging; the user goes straight on to drag a quote inside it.
  const sentence = await tagSentence(page, 'the terminal handled', TAGS.state.key);
  expect(sentence.quote).toBe(SENTENCES.vcp);

  await dragText(page, QUOTE, { alt: true });
  await settle(page);
  expect(await selectedText(page), 'Alt+drag keeps the selection exactly as dragged').toBe(QUOTE);
  await page.keyboard.press(TAGS.analyst.key);

  const both = await expectAnnotationCount(page, 2);
  expect(both.find((a) => a.tag === TAGS.analyst.id)?.quote, 'the quote is the dragged words').toBe(QUOTE);
  expect(
    both.find((a) => a.id === sentence.id),
    'the sentence annotation is untouched',
  ).toMatchObject({
    tag: TAGS.state.id,
    quote: SENTENCES.vcp,
  });
});

test('an Alt+dragged quote overlapping a tagged sentence: both listed, both reachable by click and ]/[', async ({
  page,
}) => {
  const sentence = await tagSentence(page, 'the terminal handled', TAGS.state.key);
  expect(sentence.quote).toBe(SENTENCES.vcp);
  // Put the selection elsewhere first, so the drag does not start inside the selected sentence.
  await clickText(page, 'paint a different');

  await dragText(page, QUOTE, { alt: true });
  await settle(page);
  expect(await selectedText(page), 'Alt+drag keeps the selection exactly as dragged').toBe(QUOTE);
  await page.keyboard.press(TAGS.analyst.key);

  const both = await expectAnnotationCount(page, 2);
  const opinion = both.find((a) => a.tag === TAGS.analyst.id);
  expect(opinion, 'an analyst-opinion annotation was added').toBeDefined();
  if (!opinion) return;
  expect(opinion.quote, 'the quote is the dragged words, not the sentence').toBe(QUOTE);
  expect(both.find((a) => a.id === sentence.id)?.quote, 'the sentence annotation is untouched').toBe(SENTENCES.vcp);
  expect(opinion.start).toBeGreaterThan(sentence.start);
  expect(opinion.end).toBeLessThan(sentence.end);
  expect(await markedText(page, opinion.id)).toBe(QUOTE);
  expect(await markedText(page, sentence.id)).toBe(SENTENCES.vcp);

  const entries = sidebarEntries(page);
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: TAGS.state.label })).toHaveCount(1);
  await expect(entries.filter({ hasText: TAGS.analyst.label })).toHaveCount(1);

  // Clicking again and again on the overlap cycles through the annotations there.
  // Clicks are 30px apart so the editor does not read two of them as a double-click.
  const box = await locateText(page, QUOTE);
  const y = (box.first.top + box.first.bottom) / 2;
  const byClick: string[] = [];
  const tagsByClick = new Set<string>();
  for (let i = 0; i < 4; i += 1) {
    await page.mouse.click(box.first.left + 8 + i * 30, y);
    await settle(page);
    byClick.push((await currentEntryId(page)) ?? 'none');
    const tag = await selectedTagInDetails(page);
    if (tag) tagsByClick.add(tag);
  }
  const unreached = [opinion.id, sentence.id].filter((id) => !byClick.includes(id));
  const name = (id: string) => (id === opinion.id ? 'the quote' : id === sentence.id ? 'the sentence' : id);
  expect
    .soft(
      unreached.map(name),
      `repeated clicks on the overlap reach both annotations (selected after each click: ${byClick.map(name).join(', ')})`,
    )
    .toEqual([]);
  expect
    .soft([...tagsByClick].sort(), 'the details panel shows each in turn')
    .toEqual([TAGS.analyst.id, TAGS.state.id].sort());

  // ] and [ visit overlapping annotations one by one (checked even when clicking failed above).
  for (const key of [']', '[']) {
    const reached = new Set<string>();
    for (let i = 0; i < 2; i += 1) {
      await page.keyboard.press(key);
      await settle(page);
      const id = await currentEntryId(page);
      if (id) reached.add(id);
    }
    expect([...reached].sort(), `${key} reaches both annotations`).toEqual([opinion.id, sentence.id].sort());
  }
});

test('a plain drag across parts of two sentences snaps to both whole sentences', async ({ page }) => {
  await dragText(page, 'declined to comment. The terminal was built');
  const both = `${SENTENCES.stateDept} ${SENTENCES.consortium}`;
  await expect.poll(() => selectedText(page), { message: 'the drag widens to whole sentences' }).toBe(both);
  await page.keyboard.press(TAGS.fact.key);

  const [annotation] = await expectAnnotationCount(page, 1);
  expect(annotation.tag).toBe(TAGS.fact.id);
  expect(annotation.quote).toBe(both);
});

test('a whole paragraph is tagged with the keyboard alone', async ({ page }) => {
  // Tab from the top of the page into the article text.
  let focus = await deepFocus(page);
  for (let i = 0; i < 30 && !focus.className.includes('ProseMirror'); i += 1) {
    await page.keyboard.press('Tab');
    focus = await deepFocus(page);
  }
  expect(focus.className, 'Tab reaches the article text').toContain('ProseMirror');
  await expect(textLocator(page)).toBeFocused();

  // Move sentence by sentence to the paragraph's first sentence, reading what is announced.
  const live = liveRegion(page);
  let reached = false;
  for (let i = 0; i < 20 && !reached; i += 1) {
    await page.keyboard.press('Alt+ArrowDown');
    await settle(page);
    reached = (await selectedText(page)) === SENTENCES.independent;
  }
  expect(reached, 'Alt+ArrowDown reaches "Independent figures…"').toBe(true);
  await expect(live).toContainText('Independent figures paint a different picture.');

  await page.keyboard.press('Shift+Alt+ArrowDown');
  await expect
    .poll(() => selectedText(page), { message: 'Shift+Alt+ArrowDown extends to the next sentence' })
    .toBe(INDEPENDENT_PARAGRAPH);
  await page.keyboard.press(TAGS.fact.key);

  const [annotation] = await expectAnnotationCount(page, 1);
  expect(annotation.tag).toBe(TAGS.fact.id);
  expect(annotation.quote).toBe(INDEPENDENT_PARAGRAPH);
  await expect(live).toContainText(TAGS.fact.label);
});

test('source, retag, delete and undo from the keyboard', async ({ page }) => {
  const annotation = await tagSentence(page, 'declined to comment', TAGS.state.key);
  const details = detailsLocator(page);
  await expect(details).toBeVisible();

  // Enter goes to the source field, in the details opened beside the text; Enter there saves and returns to the text.
  await page.keyboard.press('Enter');
  const source = openDetailsLocator(page).getByLabel('Source (who said it)');
  await expect(source).toBeFocused();
  await page.keyboard.type('Northline Wire');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await annotations(page))[0]?.source).toBe('Northline Wire');
  await expect(textLocator(page)).toBeFocused();
  const entry = sidebarEntries(page).first();
  await expect(entry).toContainText('Northline Wire');
  expect(await editorText(page), 'the source went into the annotation, not the article').not.toContain(
    'Northline Wire.',
  );

  // Escape in the details panel also keeps what was typed and returns to the text.
  await page.keyboard.press('Enter');
  await expect(source).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('VCP, quoted by Northline Wire');
  await page.keyboard.press('Escape');
  await expect(textLocator(page)).toBeFocused();
  await expect.poll(async () => (await annotations(page))[0]?.source).toBe('VCP, quoted by Northline Wire');
  await expect(entry).toContainText('VCP, quoted by Northline Wire');

  // Retag: select it, press 3.
  await page.keyboard.press(']');
  await expect.poll(() => currentEntryId(page)).toBe(annotation.id);
  await page.keyboard.press(TAGS.fact.key);
  await expect
    .poll(async () => (await annotations(page)).map((a) => [a.id, a.tag]))
    .toEqual([[annotation.id, TAGS.fact.id]]);
  await expect(editorLocator(page).locator(`mark[data-annotation-id="${annotation.id}"]`).first()).toHaveAttribute(
    'data-tag',
    TAGS.fact.id,
  );
  await expect(entry).toContainText(TAGS.fact.label);

  // Delete removes it; Control+z brings it back as it was; Control+y removes it again.
  await page.keyboard.press('Delete');
  await expectAnnotationCount(page, 0);
  await expect(editorLocator(page).locator('mark.claim-mark')).toHaveCount(0);
  await expect(sidebarEntries(page)).toHaveCount(0);

  await page.keyboard.press('Control+z');
  const [restored] = await expectAnnotationCount(page, 1);
  expect(restored).toMatchObject({
    id: annotation.id,
    tag: TAGS.fact.id,
    source: 'VCP, quoted by Northline Wire',
    quote: SENTENCES.stateDept,
  });
  await expect(sidebarEntries(page)).toHaveCount(1);

  await page.keyboard.press('Control+y');
  await expectAnnotationCount(page, 0);
});

test('edit mode: annotations follow their text through typing and undo; annotate mode keeps the text fixed', async ({
  page,
}) => {
  const annotation = await tagSentence(page, 'paint a different', TAGS.state.key);
  expect(annotation.quote).toBe(SENTENCES.independent);
  const original = await editorText(page);

  // Annotate mode: typing letters changes nothing.
  await clickText(page, 'Customs data published');
  await page.keyboard.type('hello world');
  await settle(page);
  expect(await editorText(page), 'annotate mode: typing does not change the text').toBe(original);

  // Edit mode: type just before the tagged sentence.
  const editButton = editorLocator(page).getByRole('button', { name: 'Edit text' });
  await editButton.click();
  await expect(editButton).toHaveAttribute('aria-pressed', 'true');
  await expect(editorLocator(page)).toHaveAttribute('mode', 'edit');

  const box = await locateText(page, SENTENCES.independent);
  await page.mouse.click(box.first.left + 1, (box.first.top + box.first.bottom) / 2);
  const typed = 'Breaking: ';
  // One input event, so one undo step: typed key by key, a pause over the history's 500 ms grouping on a busy machine
  // splits it.
  await page.keyboard.insertText(typed);

  await expect
    .poll(() => editorText(page), { message: 'the typed words are in the text' })
    .toBe(original.slice(0, annotation.start) + typed + original.slice(annotation.start));
  const [moved] = await annotations(page);
  expect(moved.quote, 'the annotation still covers its sentence').toBe(SENTENCES.independent);
  expect(moved.start, 'its start moved by the typed length').toBe(annotation.start + typed.length);
  expect(moved.end).toBe(annotation.end + typed.length);
  expect(await markedText(page, annotation.id)).toBe(SENTENCES.independent);

  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page), { message: 'Control+z undoes the typing' }).toBe(original);
  const [back] = await annotations(page);
  expect(back).toMatchObject({
    id: annotation.id,
    start: annotation.start,
    end: annotation.end,
    quote: annotation.quote,
  });
});
