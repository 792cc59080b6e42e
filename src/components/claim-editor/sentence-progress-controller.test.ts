import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import { parseArticleHTML } from '../../editor/article.js';
import { createArticleState } from '../../editor/create-state.js';
import { segmentDocument, unsegmentedLength } from '../../editor/sentence-ranges.js';
import { SentenceProgressController } from './sentence-progress-controller.js';

const paragraphs = (count: number, label: string) =>
  Array.from(
    { length: count },
    (_, i) => `<p>${label} ${i}: the ministry reported a full harvest. Growers in the east disputed it.</p>`,
  ).join('');

const stateOf = (html: string) =>
  createArticleState({
    doc: parseArticleHTML(html),
    settings: { mode: 'annotate', taxonomy: DEFAULT_TAXONOMY, annotator: 'Tester' },
  });

/** A host that counts the updates asked of it. */
function host() {
  const controllers: ReactiveController[] = [];
  const counted = { updates: 0 };
  const value: ReactiveControllerHost = {
    addController: (controller) => controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => counted.updates++,
    updateComplete: Promise.resolve(true),
  };
  return { value, counted, disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()) };
}

describe('SentenceProgressController', () => {
  it('gives the progress of a short article at once', () => {
    const state = stateOf(paragraphs(3, 'Short'));
    const { value } = host();
    expect(new SentenceProgressController(value, () => state).progress(state)).to.deep.equal({
      sentences: 6,
      tagged: 0,
      withoutSource: 0,
    });
  });

  it('segments a long article after the drawing, then asks for an update that shows its progress', async () => {
    const state = stateOf(paragraphs(400, 'Long'));
    const { value, counted } = host();
    const controller = new SentenceProgressController(value, () => state);
    expect(controller.progress(state)).to.equal(null);
    expect(controller.progress(state), 'asked again before the task ran').to.equal(null);
    expect(unsegmentedLength(state.doc)).to.be.above(20_000);
    await waitUntil(() => counted.updates > 0, 'an update is asked for once segmented');
    expect(counted.updates).to.equal(1);
    expect(unsegmentedLength(state.doc)).to.equal(0);
    expect(controller.progress(state)).to.deep.equal({ sentences: 800, tagged: 0, withoutSource: 0 });
  });

  it('segments nothing for an element taken out of the page', async () => {
    const state = stateOf(paragraphs(400, 'Removed'));
    const { value, counted, disconnect } = host();
    const controller = new SentenceProgressController(value, () => state);
    expect(controller.progress(state)).to.equal(null);
    disconnect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counted.updates).to.equal(0);
    expect(unsegmentedLength(state.doc)).to.be.above(20_000);
  });

  it('segments one paragraph in a slice without time, so a page that is never idle still gets there', () => {
    const { doc } = stateOf(paragraphs(3, 'Busy'));
    const before = unsegmentedLength(doc);
    expect(segmentDocument(doc, () => false)).to.equal(false);
    expect(unsegmentedLength(doc)).to.be.within(1, before - 1);
    expect(segmentDocument(doc)).to.equal(true);
    expect(unsegmentedLength(doc)).to.equal(0);
  });
});
