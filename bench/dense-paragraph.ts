import type { ClaimEditor } from '../src/components/claim-editor/claim-editor.component.js';
import { denseFixture, type DenseLayout } from './dense-fixture.js';

/** What one layout measured: the import, the first frame after it, and single adds. */
export interface DenseTiming {
  layout: DenseLayout;
  annotations: number;
  characters: number;
  blocks: number;
  /** `importAnnotations` into an empty editor, until its promise resolves. */
  import: number;
  /** From then to the next frame drawn. */
  firstFrame: number;
  /** One `addAnnotation` each, up to the next frame drawn. */
  adds: number[];
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Imports `sentences` sentences with `perSentence` annotations each (native
 * JSON, article included) into an empty editor, then adds `adds` annotations
 * one by one on a sentence near the top (on screen), each timed to the frame it draws.
 */
export async function measureDense(
  area: HTMLElement,
  layout: DenseLayout,
  sentences: number,
  perSentence: number,
  adds: number,
): Promise<DenseTiming> {
  const fixture = denseFixture(layout, sentences, perSentence);
  const editor = document.createElement('claim-editor') as ClaimEditor;
  area.append(editor);
  try {
    await editor.updateComplete;
    await nextFrame();
    const started = performance.now();
    const report = await editor.importAnnotations(fixture.json);
    const imported = performance.now();
    if (report.added !== fixture.annotations.length)
      throw new Error(
        `bench: the dense import added ${report.added} annotations: ${report.errors.join(' ').slice(0, 300)}`,
      );
    await nextFrame();
    const firstFrame = performance.now() - imported;
    // Near the top, where the article is on screen: what is added is drawn.
    const target = fixture.annotations[perSentence * 5];
    const samples: number[] = [];
    for (let i = 0; i < adds; i++) {
      const start = performance.now();
      editor.addAnnotation({ tag: 'reported-fact', start: target.start! + i, end: target.end! });
      await nextFrame();
      samples.push(performance.now() - start);
    }
    const blocks = editor.shadowRoot!.querySelectorAll('.ProseMirror > *').length;
    return {
      layout,
      annotations: fixture.annotations.length,
      characters: fixture.text.length,
      blocks,
      import: imported - started,
      firstFrame,
      adds: samples,
    };
  } finally {
    editor.remove();
  }
}
