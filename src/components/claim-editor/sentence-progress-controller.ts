import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditorState } from 'prosemirror-state';
import { segmentDocument, unsegmentedLength } from '../../editor/sentence-ranges.js';
import { sentenceProgress, type SentenceProgress } from '../../editor/sentence-progress.js';

/** Text up to this length is segmented at once: the progress shows with the article, at no noticeable cost. */
const SEGMENT_AT_ONCE = 20_000;
/** Segmenting goes on in slices of this many milliseconds where idle time is not told (WebKit, a busy page). */
const SLICE_MS = 8;
/** A page never idle still gets its progress, this many milliseconds later at most per slice. */
const IDLE_TIMEOUT_MS = 500;

/**
 * The sidebar's tagging progress, without holding up the drawing of a long
 * article or the handling of what arrives meanwhile (a synced document):
 * segmenting thousands of sentences takes a noticeable moment, so text not
 * yet segmented beyond {@link SEGMENT_AT_ONCE} characters is segmented in
 * idle time, a slice at a time, and the progress shows once it all is.
 */
export class SentenceProgressController implements ReactiveController {
  private cancel?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => EditorState,
  ) {
    host.addController(this);
  }

  /** The progress of `state`, or null while its text waits to be segmented. */
  progress(state: EditorState): SentenceProgress | null {
    if (unsegmentedLength(state.doc) <= SEGMENT_AT_ONCE) return sentenceProgress(state);
    if (!this.cancel) this.segmentInSlices();
    return null;
  }

  hostDisconnected() {
    this.cancel?.();
    this.cancel = undefined;
  }

  private segmentInSlices() {
    this.cancel = whenIdle((hasTime) => {
      if (segmentDocument(this.current().doc, hasTime)) {
        this.cancel = undefined;
        this.host.requestUpdate();
      } else this.segmentInSlices();
    });
  }
}

/** Runs `work` in the browser's next idle period, or in a short task where there are none; returns a canceller. */
function whenIdle(work: (hasTime: () => boolean) => void): () => void {
  const slice = () => {
    const until = performance.now() + SLICE_MS;
    return () => performance.now() < until;
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(
      (deadline) => work(deadline.didTimeout ? slice() : () => deadline.timeRemaining() > 1),
      { timeout: IDLE_TIMEOUT_MS },
    );
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => work(slice()));
  return () => clearTimeout(handle);
}
