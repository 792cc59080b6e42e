import { expect, test, type Page } from '@playwright/test';
import { annotations, editorLocator, textLocator } from './helpers.js';
import { createArticle, openDemoSaved } from './storage-helpers.js';

/** A wire story written for this test: 20 sentences, 10 of them attributed to a state outlet or an analyst. */
const STORY: { text: string; key: '1' | '2' | '3'; source?: string }[][] = [
  [
    {
      text: 'North Korea launched a new fishing fleet on Tuesday, the Korean Central News Agency said.',
      key: '1',
      source: 'KCNA',
    },
    { text: 'The agency said the fleet would double the country’s catch within a year.', key: '1', source: 'KCNA' },
    { text: 'Leader Kim Jong Un watched the ships leave the port of Nampo, it said.', key: '1', source: 'KCNA' },
  ],
  [
    { text: 'Satellite images taken on Wednesday show eleven vessels at the port.', key: '3' },
    { text: 'Most of them appear to be older trawlers that were repainted.', key: '3' },
    { text: 'No fishing nets were visible on their decks.', key: '3' },
    { text: 'The images were provided by a commercial imaging company.', key: '3' },
  ],
  [
    {
      text: 'Mira Holt, an analyst at the Lindqvist Institute, said the launch was aimed at a home audience.',
      key: '2',
      source: 'Mira Holt',
    },
    { text: 'She said the fleet lacks the fuel to stay at sea for long.', key: '2', source: 'Mira Holt' },
    {
      text: 'Another analyst, Jonas Berg of the Coastal Policy Centre, said the catch target was not realistic.',
      key: '2',
      source: 'Jonas Berg',
    },
  ],
  [
    { text: 'Fish prices in Pyongyang markets rose sharply last winter.', key: '3' },
    { text: 'Traders reached by telephone said supplies had been thin for months.', key: '3' },
    { text: 'One trader said a kilogram of pollock now costs twice what it did.', key: '3' },
    { text: 'The government has not published catch figures since 2019.', key: '3' },
  ],
  [
    {
      text: 'Rodong Sinmun, the ruling party newspaper, called the fleet a victory over sanctions.',
      key: '1',
      source: 'Rodong Sinmun',
    },
    { text: 'The newspaper said fishermen had pledged to exceed the target.', key: '1', source: 'Rodong Sinmun' },
    { text: 'The Korean Central News Agency said crowds waved flags at the harbour.', key: '1', source: 'KCNA' },
  ],
  [
    {
      text: 'Holt said similar launches in the past were followed by quiet cuts to the fleet.',
      key: '2',
      source: 'Mira Holt',
    },
    { text: 'The fleet is expected to return to port next month.', key: '3' },
  ],
  [{ text: 'The ministry in Seoul declined to comment.', key: '3' }],
];
const SENTENCES = STORY.flat();

/** Keys pressed (a combination counts once) and characters typed, kept apart. */
class KeyCounter {
  keys = 0;
  typed = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.typed += text.length;
    await this.page.keyboard.type(text);
  }
}

function progressLine(page: Page) {
  return editorLocator(page).locator('claim-sidebar .progress');
}

test('the fact-checker’s pass by keyboard: one key per sentence, a reused source in ≤ 3 keys plus filter', async ({
  page,
}) => {
  // About 60 key presses, each saved as it goes: more than the default 30 s on a shared machine.
  test.setTimeout(120_000);
  await openDemoSaved(page);
  await createArticle(page, 'Fishing fleet launch', STORY.map((p) => p.map((s) => s.text).join(' ')).join('\n'));
  await expect(progressLine(page)).toHaveText(/0 of 20 sentences tagged\s*·\s*0 without a source/);
  // Keyboard only from here: focus is in the text, the caret before the first sentence.
  await textLocator(page).focus();
  const count = new KeyCounter(page);

  // Tagging: U selects the first untagged sentence; then each tag key tags and moves on.
  await count.press('u');
  for (const sentence of SENTENCES) await count.press(sentence.key);
  const taggingKeys = count.keys;
  await expect(progressLine(page)).toHaveText(/20 of 20 sentences tagged\s*·\s*10 without a source/);
  const tagged = await annotations(page);
  expect(tagged.map((a) => [a.quote, a.tag])).toEqual(
    SENTENCES.map((s) => [s.text, { '1': 'state-media-claim', '2': 'analyst-opinion', '3': 'reported-fact' }[s.key]]),
  );
  expect(taggingKeys - 1, 'one key per sentence, after the first U').toBe(SENTENCES.length);

  // Sources: W goes to the next annotation without one; R repeats the previous annotation's source; Enter opens the
  // source field (its text selected), typing filters the offers, ↓ Enter takes one and returns to the text.
  const attributed = SENTENCES.filter((s) => s.source);
  const seen: string[] = [];
  const reusedCosts: { keys: number; filter: number }[] = [];
  let previous: string | undefined;
  for (const sentence of attributed) {
    const source = sentence.source!;
    await count.press('w');
    const before = { keys: count.keys, typed: count.typed };
    if (source === previous) await count.press('r');
    else if (seen.includes(source)) {
      await count.press('Enter');
      await count.type(source.slice(0, 2));
      await count.press('ArrowDown');
      await count.press('Enter');
    } else {
      await count.press('Enter');
      // An outlet typed as the article names it resolves to its one name.
      await count.type(source === 'KCNA' ? 'the KCNA' : source);
      if (source === 'KCNA') await count.press('ArrowDown');
      await count.press('Enter');
    }
    if (seen.includes(source)) reusedCosts.push({ keys: count.keys - before.keys, filter: count.typed - before.typed });
    seen.push(source);
    previous = source;
    await expect
      .poll(async () => (await annotations(page)).find((a) => a.quote === sentence.text)?.source)
      .toBe(source);
  }
  await expect(progressLine(page)).toHaveText(/20 of 20 sentences tagged\s*·\s*0 without a source/);
  for (const cost of reusedCosts)
    expect(cost.keys, 'a source used before: at most 3 keys plus the filter').toBeLessThanOrEqual(3);

  const final = await annotations(page);
  expect(final.filter((a) => a.source).map((a) => a.source)).toEqual(attributed.map((s) => s.source));
  console.log(
    `Fact-checker's pass over ${SENTENCES.length} sentences (${attributed.length} attributed): ` +
      `${count.keys} key presses (${taggingKeys} for tagging) and ${count.typed} typed characters.`,
  );
});
