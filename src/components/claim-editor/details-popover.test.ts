import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { placeCaret, shadowOf, wait } from '../../test-support/editor-helpers.js';
import { pressKeys, setViewportSize } from '../../test-support/keys.js';
import type { ClaimEditor } from './claim-editor.component.js';

const S1 = 'The harbour authority of Tarvik said on Friday that a cargo ship had run aground.';
const S2 = 'Crews were pumping fuel from its tanks.';
const S3 = 'Mira Holt, a marine engineer, said the hull was probably cracked.';

async function mount(width = '60rem'): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(
    html`<claim-editor annotator="Tester" style="display: block; width: ${width}">
      <p>${S1} ${S2}</p>
      <p>${S3}</p>
    </claim-editor>`,
  );
  await editor.updateComplete;
  return editor;
}

async function press(editor: ClaimEditor, ...keys: string[]): Promise<void> {
  for (const key of keys) await pressKeys(key);
  await editor.updateComplete;
  await wait(0);
}

const popover = (editor: ClaimEditor) => shadowOf(editor).querySelector<HTMLElement>('.details-popover');

function markRect(editor: ClaimEditor): DOMRect {
  const rects = [...shadowOf(editor).querySelectorAll('mark.claim-selected')].flatMap((m) => [...m.getClientRects()]);
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const left = Math.min(...rects.map((r) => r.left));
  const right = Math.max(...rects.map((r) => r.right));
  return new DOMRect(left, top, right - left, bottom - top);
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Tags S2 and keeps it selected, then opens its details with Enter. */
async function openOnS2(editor: ClaimEditor): Promise<HTMLElement> {
  await placeCaret(editor, S2, 2);
  await press(editor, 'Shift+1');
  expect(popover(editor)).to.equal(null);
  await press(editor, 'Enter');
  await waitUntil(() => popover(editor), 'the popover opens');
  const element = popover(editor)!;
  // The active element, not :focus-within: WebKit's window loses the focus when the test resizes it.
  await waitUntil(
    () => shadowOf(editor).activeElement?.closest('.details-popover') === element,
    'focus moves into the popover',
  );
  return element;
}

describe('claim-editor: details popover', () => {
  afterEach(() => setViewportSize(1280, 800));

  it('opens on Enter beside the annotation, never over its text, with the focus in its source field', async () => {
    await setViewportSize(1280, 800);
    const editor = await mount();
    const element = await openOnS2(editor);
    expect(element.getAttribute('role')).to.equal('dialog');
    expect(element.classList.contains('popover')).to.equal(true);
    expect(element.querySelector('claim-details')!.annotation!.quote).to.equal(S2);
    expect(intersects(element.getBoundingClientRect(), markRect(editor))).to.equal(false);
    expect(shadowOf(editor).activeElement?.closest('.details-popover')).to.equal(element);
  });

  it('Escape closes it and gives the keyboard back to the text at the annotation', async () => {
    await setViewportSize(1280, 800);
    const editor = await mount();
    await openOnS2(editor);
    await press(editor, 'Escape');
    await waitUntil(() => !popover(editor), 'the popover closes');
    expect(shadowOf(editor).activeElement?.classList.contains('ProseMirror')).to.equal(true);
    expect(editor.annotations[0].quote).to.equal(S2);
    expect(markRect(editor).width).to.be.greaterThan(0);
  });

  it('is a bottom sheet on an element narrower than 44rem, with the annotation above it', async () => {
    await setViewportSize(390, 700);
    const editor = await mount('100%');
    const element = await openOnS2(editor);
    expect(element.classList.contains('sheet')).to.equal(true);
    const rect = element.getBoundingClientRect();
    expect(Math.round(rect.bottom)).to.equal(window.innerHeight);
    expect(intersects(rect, markRect(editor))).to.equal(false);
  });
});
