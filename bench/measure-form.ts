import type { BenchFixture } from './bench-fixture.js';
import { createSubject, type Side, type Subject } from './measurements.js';

/** Keystrokes typed, not timed, before the measured ones, so neither side is timed while its code is compiled. */
const WARM_UP = 3;

/**
 * A keystroke in edit mode with the editor inside a `<form>` as a named
 * field (a CMS page), against plain ProseMirror in the same form. The two
 * take turns, keystroke by keystroke, so both see the same machine load.
 * After the timed keystrokes the form is read: the product's value must
 * hold the text typed.
 */
export async function measureFormKeystrokes(
  area: HTMLElement,
  fixture: BenchFixture,
  times: number,
): Promise<Record<Side, number[]>> {
  const form = document.createElement('form');
  area.append(form);
  const subjects: Record<Side, Subject> = {
    product: createSubject('product', form, fixture),
    baseline: createSubject('baseline', form, fixture),
  };
  const samples: Record<Side, number[]> = { product: [], baseline: [] };
  try {
    for (const subject of Object.values(subjects)) {
      if ('editor' in subject) subject.editor.name = 'annotations';
      await subject.load();
      if ('setMode' in subject) await subject.setMode('edit');
    }
    for (let i = 0; i < WARM_UP + times; i++) {
      for (const side of ['baseline', 'product'] as const) {
        await subjects[side].placeCaret(Math.floor(fixture.paragraphs / 2));
        const time = await subjects[side].keystroke();
        if (i >= WARM_UP) samples[side].push(time);
      }
    }
    const { product } = subjects;
    if ('editor' in product) {
      const value = JSON.parse(new FormData(form).get('annotations') as string) as { document: { text: string } };
      if (value.document.text !== product.editor.text)
        throw new Error('bench: the form value does not hold the text typed');
    }
    return samples;
  } finally {
    for (const subject of Object.values(subjects)) subject.dispose();
    form.remove();
  }
}
