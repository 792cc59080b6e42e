import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { placeCaret, shadowOf } from '../../test-support/editor-helpers.js';
import { pressKeys } from '../../test-support/keys.js';
import type { ClaimEditor } from './claim-editor.component.js';

const STATE = 'Kim Jong Un visited a tractor plant on Monday, the Korean Central News Agency said.';
const STATE_CARRIED = 'The leader praised its workers.';
const ANALYST = 'Hana Ito, an analyst at the Kestrel Institute, said the visit was staged.';
const ANALYST_QUOTE = '"It is theatre," Ito said.';
const FACT = 'Tractor output fell 4 percent last year.';

const CUSTOM = [
  { id: 'official-line', label: 'Official line', key: 'a' },
  { id: 'expert-view', label: 'Expert view', key: 'b' },
];

async function mount(): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(
    html`<claim-editor>
      <p>${STATE} ${STATE_CARRIED}</p>
      <p>${ANALYST} ${ANALYST_QUOTE}</p>
      <p>${FACT}</p>
    </claim-editor>`,
  );
  await editor.updateComplete;
  return editor;
}

function toolbar(editor: ClaimEditor): HTMLElement {
  const element = shadowOf(editor).querySelector<HTMLElement>('[part~="toolbar"]');
  if (!element) throw new Error('No toolbar');
  return element;
}

function note(editor: ClaimEditor): HTMLElement | null {
  return toolbar(editor).querySelector<HTMLElement>('.suggest-note');
}

function liveText(editor: ClaimEditor): string {
  return shadowOf(editor).querySelector('.announcer')?.textContent ?? '';
}

/** The tag of each suggestion shown, in reading order. */
function suggestedTags(editor: ClaimEditor): string[] {
  return [...shadowOf(editor).querySelectorAll<HTMLElement>('.claim-suggestion-label')].map(
    (label) => label.dataset.tag ?? '',
  );
}

async function suggest(editor: ClaimEditor): Promise<void> {
  const button = toolbar(editor).querySelector<HTMLButtonElement>('button.suggest');
  if (!button) throw new Error('No Suggest button');
  const before = liveText(editor);
  button.click();
  // The first Suggest loads the suggester's chunk: its answer comes later.
  await waitUntil(() => liveText(editor) !== before, 'the suggestions are announced');
  await editor.updateComplete;
}

describe('claim-editor: suggestion roles mapped to the taxonomy (suggestionTagMap)', () => {
  it('maps the three roles to the built-in tags by default, with no note', async () => {
    const editor = await mount();
    expect(note(editor)).to.equal(null);
    await suggest(editor);
    expect(suggestedTags(editor)).to.deep.equal([
      'state-media-claim',
      'state-media-claim',
      'analyst-opinion',
      'analyst-opinion',
      'reported-fact',
    ]);
  });

  it('with a custom taxonomy and no mapping, offers nothing and says why beside the button and aloud', async () => {
    const editor = await mount();
    editor.taxonomy = CUSTOM;
    await editor.updateComplete;
    const shown = note(editor);
    expect(shown, 'a visible note').to.not.equal(null);
    expect(shown!.textContent).to.match(
      /No suggestions: none of the provenance roles .* maps to a tag of this taxonomy; set suggestionTagMap/,
    );
    expect(shown!.getClientRects().length, 'the note is rendered').to.be.greaterThan(0);
    const button = toolbar(editor).querySelector<HTMLButtonElement>('button.suggest')!;
    expect(button.getAttribute('aria-describedby')).to.equal(shown!.id);

    await suggest(editor);
    expect(suggestedTags(editor)).to.deep.equal([]);
    expect(liveText(editor)).to.include('none of the provenance roles');
  });

  it('with a mapping, suggests the mapped roles with the custom tags and names the role left out', async () => {
    const editor = await mount();
    editor.taxonomy = CUSTOM;
    editor.suggestionTagMap = { 'state-media': 'official-line', analyst: 'expert-view' };
    await editor.updateComplete;
    expect(note(editor)?.textContent).to.equal(
      'Not suggested: reported facts (no tag mapped). Set suggestionTagMap to offer them.',
    );

    await suggest(editor);
    expect(suggestedTags(editor)).to.deep.equal(['official-line', 'official-line', 'expert-view', 'expert-view']);
    expect(liveText(editor)).to.match(
      /^4 suggestions: 2 Official line, 2 Expert view\..* Not suggested: reported facts \(no tag mapped\)/,
    );
    expect(note(editor), 'the note stays while suggestions are shown').to.not.equal(null);

    // Accepting keeps the canonical source: the outlet's lexicon name, the full name for a surname.
    await placeCaret(editor, STATE, 3);
    await pressKeys('Enter');
    await placeCaret(editor, ANALYST_QUOTE, 3);
    await pressKeys('Enter');
    expect(editor.annotations.map((a) => [a.tag, a.quote, a.source])).to.deep.equal([
      ['official-line', STATE, 'KCNA'],
      ['expert-view', ANALYST_QUOTE, 'Hana Ito'],
    ]);
  });

  it('names a mapping to a tag the taxonomy lacks, and a key that is no role', async () => {
    const editor = await mount();
    // An embedder's typo, as plain JavaScript would pass it.
    editor.suggestionTagMap = JSON.parse(
      '{"state-media": "state-media-claim", "analyst": "opinion", "reported": "reported-fact", "opinion": "analyst-opinion"}',
    );
    await editor.updateComplete;
    expect(note(editor)?.textContent).to.equal(
      'Not suggested: analyst opinions (“opinion” is not a tag here). Set suggestionTagMap to offer them. ' +
        'Unknown role in suggestionTagMap: “opinion” (roles: state-media, analyst, reported).',
    );
    await suggest(editor);
    expect(suggestedTags(editor)).to.deep.equal(['state-media-claim', 'state-media-claim', 'reported-fact']);

    editor.suggestionTagMap = JSON.parse('"analyst"');
    await editor.updateComplete;
    expect(note(editor)?.textContent).to.include('No suggestions: none of the provenance roles');
  });
});
