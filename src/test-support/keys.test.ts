import { expect, fixture, html } from '@open-wc/testing';
import { pressKeys, setViewportSize, typeKeys } from './keys.js';

/** A focused text field that records every keydown as "Modifiers+key". */
async function recordingInput(): Promise<{ input: HTMLInputElement; keys: string[] }> {
  const input = await fixture<HTMLInputElement>(html`<input />`);
  const keys: string[] = [];
  input.addEventListener('keydown', (event) => {
    const modifiers = [event.ctrlKey && 'Control', event.altKey && 'Alt', event.shiftKey && 'Shift'].filter(Boolean);
    if (!['Control', 'Alt', 'Shift'].includes(event.key)) keys.push([...modifiers, event.key].join('+'));
  });
  input.focus();
  return { input, keys };
}

describe('test keys', () => {
  it('presses single keys and combinations as one keystroke each', async () => {
    const { keys } = await recordingInput();
    await pressKeys('End');
    await pressKeys('Control+z');
    await pressKeys('Control+Shift+z');
    await pressKeys('Alt+ArrowDown');
    await pressKeys('1');
    expect(keys.map((key) => key.replace('Shift+Z', 'Shift+z'))).to.deep.equal([
      'End',
      'Control+z',
      'Control+Shift+z',
      'Alt+ArrowDown',
      '1',
    ]);
  });

  it('types text into the focused field', async () => {
    const { input } = await recordingInput();
    await typeKeys('Lede: Qz');
    expect(input.value).to.equal('Lede: Qz');
  });

  it('sizes the viewport', async () => {
    await setViewportSize(900, 700);
    expect([window.innerWidth, window.innerHeight]).to.deep.equal([900, 700]);
    await setViewportSize(800, 600);
    expect([window.innerWidth, window.innerHeight]).to.deep.equal([800, 600]);
  });
});
