import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '../../define.js';
import { DEFAULT_LEXICON } from '../../text/lexicon.js';
import { outletNameResolver } from '../../text/source-names.js';
import { placeCaret, shadowOf, wait } from '../../test-support/editor-helpers.js';
import { pressKeys, typeKeys } from '../../test-support/keys.js';
import type { ClaimEditor } from '../claim-editor/claim-editor.component.js';
import './claim-source-combobox.js';
import type { ClaimSourceCombobox } from './claim-source-combobox.component.js';

const OPTIONS = ['Harbour authority', 'Mira Holt', 'KCNA', 'Tarvik Radio'];

async function mount(value = ''): Promise<ClaimSourceCombobox> {
  const box = await fixture<ClaimSourceCombobox>(
    html`<claim-source-combobox
      .value=${value}
      .options=${OPTIONS}
      .resolve=${outletNameResolver(DEFAULT_LEXICON)}
    ></claim-source-combobox>`,
  );
  await box.updateComplete;
  return box;
}

function input(box: ClaimSourceCombobox): HTMLInputElement {
  return shadowOf(box).querySelector('input')!;
}

function offers(box: ClaimSourceCombobox): string[] {
  return [...shadowOf(box).querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());
}

async function keys(box: ClaimSourceCombobox, ...list: string[]) {
  for (const key of list) await pressKeys(key);
  await box.updateComplete;
}

describe('<claim-source-combobox>', () => {
  it('is an ARIA 1.2 combobox: focus selects the text, typing filters, ↓ and Enter take an offer', async () => {
    const box = await mount('an old source');
    box.focus();
    const field = input(box);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect([field.selectionStart, field.selectionEnd], 'the text is selected').to.deep.equal([0, 13]);
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    await typeKeys('ra');
    await box.updateComplete;
    expect(offers(box), 'typing replaced the text and filters').to.deep.equal(['Mira Holt', 'Tarvik Radio']);
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    await keys(box, 'ArrowDown', 'ArrowDown');
    const active = field.getAttribute('aria-activedescendant')!;
    expect(shadowOf(box).getElementById(active)?.textContent?.trim()).to.equal('Tarvik Radio');
    expect(shadowOf(box).getElementById(active)?.getAttribute('aria-selected')).to.equal('true');
    const changed = oneEvent(box, 'change');
    await keys(box, 'Enter');
    await changed;
    expect(box.value).to.equal('Tarvik Radio');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
  });

  it('offers an outlet’s one name for its aliases: "the KCNA" offers KCNA', async () => {
    const box = await mount();
    box.focus();
    await typeKeys('the KCNA');
    await box.updateComplete;
    expect(offers(box)[0]).to.equal('KCNA');
    await typeKeys('x');
    await box.updateComplete;
    expect(offers(box)).to.deep.equal([]);
  });

  it('Escape closes an open list without leaving the field; ↑ wraps to the last offer', async () => {
    const box = await mount();
    box.focus();
    let escapes = 0;
    box.parentElement!.addEventListener('keydown', (e) => e.key === 'Escape' && (escapes += 1));
    await keys(box, 'ArrowUp');
    expect(input(box).getAttribute('aria-activedescendant')).to.equal('offer-3');
    await keys(box, 'Escape');
    expect(input(box).getAttribute('aria-expanded')).to.equal('false');
    expect(escapes, 'the first Escape stays in the field').to.equal(0);
    await keys(box, 'Escape');
    expect(escapes).to.equal(1);
  });
});

describe('<claim-editor> source field', () => {
  const A = 'Tarvik Radio said the port was closed.';
  const B = 'A harbour pilot said the channel was too shallow.';
  const C = 'Tarvik Radio later said the port had reopened.';

  it('offers sources of this article and of other saved articles, most used first; reuse is ≤ 3 keys + filter', async () => {
    const dbName = `sources-${crypto.randomUUID()}`;
    const other = await fixture<ClaimEditor>(
      html`<claim-editor document-id="other" db-name=${dbName}><p>${A} ${B}</p></claim-editor>`,
    );
    other.addAnnotation({ tag: 'state-media-claim', quote: A, source: 'Korean Central News Agency' });
    other.addAnnotation({ tag: 'analyst-opinion', quote: B, source: 'Harbour pilot' });
    await other.flush();
    other.remove();

    const editor = await fixture<ClaimEditor>(
      html`<claim-editor document-id="this" db-name=${dbName}><p>${A} ${B} ${C}</p></claim-editor>`,
    );
    editor.addAnnotation({ tag: 'state-media-claim', quote: A, source: 'Tarvik Radio' });
    editor.addAnnotation({ tag: 'analyst-opinion', quote: B, source: 'the KCNA' });
    editor.addAnnotation({ tag: 'state-media-claim', quote: C });
    await editor.updateComplete;
    await placeCaret(editor, A, 2);
    await pressKeys('w');
    // Enter opens the details of what W selected: wait for it to be selected first.
    await waitUntil(
      () => shadowOf(editor).querySelector('.announcer')?.textContent?.startsWith('Needs a source'),
      'W selected the annotation without a source',
    );
    await pressKeys('Enter');
    await editor.updateComplete;
    // Enter opens the details in a popover beside the annotation (the sidebar's copy hides meanwhile).
    await waitUntil(() => shadowOf(editor).querySelector('.details-popover claim-details'), 'the details open');
    const details = shadowOf(editor).querySelector('.details-popover claim-details')!;
    // On a busy machine the details may draw the selected annotation a frame later.
    await waitUntil(() => shadowOf(details).querySelector('claim-source-combobox'), 'the source field is shown');
    const box = shadowOf(details).querySelector('claim-source-combobox')!;
    await waitUntil(() => box.matches(':focus-within'), 'Enter put the caret in the source field');
    // The saved article is read once, when the details are first shown.
    // The saved article is read, and the lexicon that merges aliases loaded, when the field is first used.
    for (let i = 0; i < 100 && !(box.options.includes('Harbour pilot') && box.options[0] === 'KCNA'); i++)
      await wait(20);
    expect(box.options, 'KCNA twice (aliases merged) first').to.deep.equal(['KCNA', 'Harbour pilot', 'Tarvik Radio']);
    let pressed = 2; // w, Enter
    await typeKeys('Ta');
    await pressKeys('ArrowDown');
    await pressKeys('Enter');
    pressed += 2;
    await editor.updateComplete;
    expect(editor.annotations.find((a) => a.quote === C)?.source).to.equal('Tarvik Radio');
    expect(pressed - 1, 'Enter, ↓, Enter after the jump').to.be.at.most(3);
    expect(shadowOf(editor).activeElement?.classList.contains('ProseMirror'), 'back in the text').to.equal(true);
  });
});
