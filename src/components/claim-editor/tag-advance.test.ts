import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { placeCaret, shadowOf, shadowSelection, wait } from '../../test-support/editor-helpers.js';
import { pressKeys, setViewportSize } from '../../test-support/keys.js';
import type { ClaimEditor } from './claim-editor.component.js';

const S1 = 'The harbour authority of Tarvik said on Friday that a cargo ship had run aground.';
const S2 = 'Crews were pumping fuel from its tanks.';
const S3 = 'Mira Holt, a marine engineer at the Lindqvist Institute, said the hull was probably cracked.';
const S4 = 'The ship carried 900 containers.';
const S5 = 'Tarvik Radio said the captain had been detained.';

async function mount(): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(
    html`<claim-editor annotator="Tester">
      <p>${S1} ${S2}</p>
      <p>${S3} ${S4}</p>
      <p>${S5}</p>
    </claim-editor>`,
  );
  await editor.updateComplete;
  return editor;
}

function selected(editor: ClaimEditor): string {
  return shadowSelection(editor).toString();
}

function liveText(editor: ClaimEditor): string {
  return shadowOf(editor).querySelector('.announcer')?.textContent ?? '';
}

/** Presses keys and lets the editor render what they did. */
async function press(editor: ClaimEditor, ...keys: string[]): Promise<void> {
  for (const key of keys) await pressKeys(key);
  await editor.updateComplete;
  await wait(0);
}

function tags(editor: ClaimEditor): string[][] {
  return editor.annotations.map((a) => [a.tag, a.quote]);
}

describe('claim-editor: tag and advance', () => {
  it('a tag key tags the sentence and selects the next untagged one, announced', async () => {
    const editor = await mount();
    await placeCaret(editor, S1, 3);
    await press(editor, '1');
    expect(tags(editor)).to.deep.equal([['state-media-claim', S1]]);
    expect(selected(editor)).to.equal(S2);
    expect(liveText(editor)).to.match(/Tagged as State-media claim.*Next untagged: Crews were pumping/);
    await press(editor, '3', '2');
    expect(tags(editor).map(([tag]) => tag)).to.deep.equal(['state-media-claim', 'reported-fact', 'analyst-opinion']);
    expect(selected(editor)).to.equal(S4);
  });

  it('skips sentences already tagged and says so when every sentence is tagged', async () => {
    const editor = await mount();
    editor.addAnnotation({ tag: 'reported-fact', quote: S2 });
    editor.addAnnotation({ tag: 'reported-fact', quote: S3 });
    await placeCaret(editor, S1, 3);
    await press(editor, '1');
    expect(selected(editor)).to.equal(S4);
    await press(editor, '3', '1');
    expect(editor.annotations).to.have.length(5);
    expect(liveText(editor)).to.match(/Every sentence is tagged/);
  });

  it('Shift+tag key tags and stays; a tag key on the selected annotation retags it and stays', async () => {
    const editor = await mount();
    await placeCaret(editor, S3, 3);
    await press(editor, 'Shift+1');
    expect(tags(editor)).to.deep.equal([['state-media-claim', S3]]);
    expect(selected(editor)).to.equal(S3);
    await press(editor, '2');
    expect(tags(editor)).to.deep.equal([['analyst-opinion', S3]]);
    expect(selected(editor)).to.equal(S3);
    expect(liveText(editor)).to.match(/Retagged as Analyst opinion/);
  });

  it('U and Shift+U jump to the next and previous untagged sentence, wrapping around', async () => {
    const editor = await mount();
    editor.addAnnotation({ tag: 'reported-fact', quote: S2 });
    await placeCaret(editor, S1, 3);
    await press(editor, 'u');
    expect(selected(editor)).to.equal(S3);
    await press(editor, 'u', 'u');
    expect(selected(editor)).to.equal(S5);
    await press(editor, 'u');
    expect(selected(editor), 'wraps to the start').to.equal(S1);
    await press(editor, 'Shift+U');
    expect(selected(editor)).to.equal(S5);
    await press(editor, 'Shift+U');
    expect(selected(editor)).to.equal(S4);
  });

  it('W jumps to the next annotation without a source; R gives it the previous annotation’s source', async () => {
    const editor = await mount();
    editor.addAnnotation({ tag: 'state-media-claim', quote: S1, source: 'Tarvik harbour authority' });
    editor.addAnnotation({ tag: 'reported-fact', quote: S2 });
    editor.addAnnotation({ tag: 'analyst-opinion', quote: S3 });
    editor.addAnnotation({ tag: 'state-media-claim', quote: S5 });
    await placeCaret(editor, S1, 3);
    await press(editor, 'w');
    // A reported fact needs no source: the analyst's sentence is next.
    expect(selected(editor)).to.equal(S3);
    expect(liveText(editor)).to.match(/^Needs a source: Analyst opinion/);
    await press(editor, 'w');
    expect(selected(editor)).to.equal(S5);
    await press(editor, 'r');
    expect(editor.annotations.find((a) => a.quote === S5)?.source).to.equal('Tarvik harbour authority');
    await press(editor, 'w');
    expect(selected(editor), 'the one left').to.equal(S3);
  });
});

describe('claim-editor: tag and advance with suggestions shown', () => {
  it('Enter accepts a suggestion and selects the next untagged sentence; a tag key accepts with that tag', async () => {
    const editor = await mount();
    await placeCaret(editor, S1, 0);
    await press(editor, 's');
    // The first S loads the suggester's chunk: its answer comes later.
    await waitUntil(() => shadowOf(editor).querySelector('.claim-suggestion-label'), 'suggestions are shown');
    const suggested = [...shadowOf(editor).querySelectorAll<HTMLElement>('.claim-suggestion-label')];
    expect(suggested.length).to.be.greaterThan(1);
    // From a caret before the first sentence, Alt+↓ selects that sentence.
    await press(editor, 'Alt+ArrowDown');
    expect(selected(editor)).to.equal(S1);
    await press(editor, 'Enter');
    expect(editor.annotations[0]).to.include({ quote: S1, tag: suggested[0].dataset.tag });
    expect(selected(editor)).to.equal(S2);
    expect(liveText(editor)).to.match(/Accepted as .*Next untagged/);
    await press(editor, 'u');
    expect(selected(editor)).to.equal(S3);
    await press(editor, '3');
    expect(editor.annotations.find((a) => a.quote === S3)?.tag).to.equal('reported-fact');
    expect(selected(editor)).to.equal(S4);
  });
});

describe('claim-editor: progress in the sidebar', () => {
  function progress(editor: ClaimEditor): HTMLElement {
    const sidebar = shadowOf(editor).querySelector('claim-sidebar')!;
    const element = shadowOf(sidebar).querySelector<HTMLElement>('.progress');
    if (!element) throw new Error('No progress line');
    return element;
  }

  it('shows "n of m sentences tagged · k without a source", each a button that jumps there', async () => {
    const editor = await mount();
    editor.addAnnotation({ tag: 'state-media-claim', quote: S1 });
    editor.addAnnotation({ tag: 'reported-fact', quote: S2 });
    editor.addAnnotation({ tag: 'analyst-opinion', quote: S3, source: 'Mira Holt' });
    await editor.updateComplete;
    const sidebar = shadowOf(editor).querySelector('claim-sidebar')!;
    await (sidebar as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(progress(editor).textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '3 of 5 sentences tagged · 1 without a source',
    );
    progress(editor).querySelector<HTMLButtonElement>('.jump-untagged')!.click();
    await editor.updateComplete;
    await wait(0);
    expect(selected(editor)).to.equal(S4);
    expect(shadowOf(editor).activeElement?.classList.contains('ProseMirror'), 'focus back in the text').to.equal(true);
    progress(editor).querySelector<HTMLButtonElement>('.jump-unsourced')!.click();
    await editor.updateComplete;
    await wait(0);
    expect(selected(editor)).to.equal(S1);
  });
});

describe('claim-editor: suggestion reasons on screen', () => {
  it('each suggestion’s outline label shows its cue words', async () => {
    const editor = await mount();
    await placeCaret(editor, S1, 0);
    await press(editor, 's');
    // The first S loads the suggester's chunk: its answer comes later.
    await waitUntil(() => shadowOf(editor).querySelector('.claim-suggestion-label'), 'suggestions are shown');
    const label = shadowOf(editor).querySelector<HTMLElement>('.claim-suggestion-label')!;
    expect(label.dataset.cue).to.be.a('string').and.not.equal('');
    // Chromium resolves attr() in the computed content; Firefox reports the expression.
    const content = getComputedStyle(label, '::after').content;
    expect(content.includes(label.dataset.cue!) || content.includes('attr(data-cue)'), content).to.equal(true);
  });
});

describe('claim-editor: toolbar stickiness', () => {
  afterEach(() => setViewportSize(1280, 900));

  it('is not sticky where it would cover more than a sixth of the viewport', async () => {
    const editor = await mount();
    const toolbar = shadowOf(editor).querySelector<HTMLElement>('.toolbar')!;
    await setViewportSize(1280, 900);
    await waitUntil(() => getComputedStyle(toolbar).position === 'sticky', 'sticky on a wide screen');
    // A sixth of a short (landscape) phone screen is less than even one row (WebKit's window stops near 450 px wide,
    // where the compact toolbar fits one row).
    await setViewportSize(390, 280);
    await waitUntil(() => getComputedStyle(toolbar).position === 'static', 'scrolls away on a short phone screen');
    expect(toolbar.offsetHeight).to.be.greaterThan(innerHeight / 6);
  });
});
