import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define.js';
import type { Annotation } from '../../model/annotation.js';
import { DEFAULT_VERDICT_SCALE } from '../../model/verdict-scale.js';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import { shadowOf } from '../../test-support/editor-helpers.js';
import { pressKeys } from '../../test-support/keys.js';
import { ARTICLE_HTML, P2_S1 } from '../../test-support/sample-article.js';
import type { ClaimEditor } from '../claim-editor/claim-editor.component.js';
import type { ClaimDetails, DetailsChangeDetail, DetailsDeleteDetail } from './claim-details.component.js';

const sample: Annotation = {
  id: 'ann-42',
  tag: 'analyst-opinion',
  start: 10,
  end: 58,
  quote: 'the sanctions would bite within six months',
  prefix: 'A researcher said ',
  suffix: ', citing customs data.',
  source: 'A researcher at a Seoul think tank',
  note: 'Forecast, not a fact.',
  verdict: 'Unproven',
  creator: 'Night desk',
  created: '2024-05-02T08:30:00.000Z',
  modified: '2024-05-02T08:30:00.000Z',
  status: 'anchored',
};

async function mountDetails(annotation: Annotation = sample): Promise<ClaimDetails> {
  const details = await fixture<ClaimDetails>(
    html`<claim-details .annotation=${annotation} .taxonomy=${DEFAULT_TAXONOMY}></claim-details>`,
  );
  await details.updateComplete;
  return details;
}

/** The form control a visible label (whose text starts with `label`) names. */
function field(details: ClaimDetails, label: string): HTMLInputElement | HTMLTextAreaElement {
  // The source field is a combobox element with its own label inside.
  const roots = [shadowOf(details), ...[...shadowOf(details).querySelectorAll('claim-source-combobox')].map(shadowOf)];
  const element = roots
    .flatMap((root) => [...root.querySelectorAll('label')])
    .find((l) => l.textContent?.trim().startsWith(label));
  const control = element?.control;
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) {
    throw new Error(`No text field labelled "${label}".`);
  }
  return control;
}

function tagRadios(details: ClaimDetails): HTMLInputElement[] {
  return [...shadowOf(details).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
}

function buttonNamed(details: ClaimDetails, text: string): HTMLButtonElement {
  const button = [...shadowOf(details).querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  if (!button) throw new Error(`No button "${text}".`);
  return button;
}

describe('<claim-details>', () => {
  it('shows a quote that carries its own quotation marks with no marks added', async () => {
    const quote = '“The drop will not last,” said an economist at Keston University.';
    const details = await mountDetails({ ...sample, quote });
    expect(shadowOf(details).querySelector('.quote')?.textContent?.trim()).to.equal(quote);
  });

  it('shows the quote, the checked tag and the source, note and verdict', async () => {
    const details = await mountDetails();
    expect(shadowOf(details).textContent).to.include(sample.quote);
    const radios = tagRadios(details);
    expect(radios.map((radio) => radio.value)).to.deep.equal(DEFAULT_TAXONOMY.map((t) => t.id));
    expect(radios.filter((radio) => radio.checked).map((radio) => radio.value)).to.deep.equal(['analyst-opinion']);
    expect(field(details, 'Source').value).to.equal(sample.source);
    expect(field(details, 'Note').value).to.equal(sample.note);
    expect(field(details, 'Verdict').value).to.equal(sample.verdict);
  });

  it('offers the verdict scale in the verdict field, each verdict with its number, and keeps free text', async () => {
    const details = await mountDetails({ ...sample, verdict: 'Satire' });
    const verdict = field(details, 'Verdict');
    const options = [...(verdict as HTMLInputElement).list!.querySelectorAll('option')];
    expect(options.map((option) => [option.value, option.label])).to.deep.equal(
      DEFAULT_VERDICT_SCALE.map((level) => [level.label, `${level.label} (${level.value})`]),
    );
    expect(verdict.value).to.equal('Satire');
    details.verdictScale = [
      { label: 'Correct', value: 1 },
      { label: 'Wrong', value: 0 },
    ];
    await details.updateComplete;
    expect([...(verdict as HTMLInputElement).list!.querySelectorAll('option')].map((o) => o.value)).to.deep.equal([
      'Correct',
      'Wrong',
    ]);
  });

  it('emits claim-details-change with the source when the source field changes', async () => {
    const details = await mountDetails();
    const source = field(details, 'Source');
    source.value = 'Yonhap';
    const changed = oneEvent<CustomEvent<DetailsChangeDetail>>(details, 'claim-details-change');
    source.dispatchEvent(new Event('change'));
    const event = await changed;
    expect(event.detail).to.deep.equal({ id: sample.id, patch: { source: 'Yonhap' } });
  });

  it('emits a tag patch when another tag radio is picked', async () => {
    const details = await mountDetails();
    const radio = tagRadios(details).find((r) => r.value === 'state-media-claim');
    expect(radio).to.not.equal(undefined);
    const changed = oneEvent<CustomEvent<DetailsChangeDetail>>(details, 'claim-details-change');
    radio!.click();
    const event = await changed;
    expect(event.detail).to.deep.equal({ id: sample.id, patch: { tag: 'state-media-claim' } });
  });

  it('emits claim-details-delete from the Delete button', async () => {
    const details = await mountDetails();
    const deleted = oneEvent<CustomEvent<DetailsDeleteDetail>>(details, 'claim-details-delete');
    buttonNamed(details, 'Delete').click();
    const event = await deleted;
    expect(event.detail).to.deep.equal({ id: sample.id });
  });

  it('emits claim-details-done on Escape', async () => {
    const details = await mountDetails();
    const source = field(details, 'Source');
    source.focus();
    expect((source.getRootNode() as ShadowRoot).activeElement).to.equal(source);
    const done = oneEvent(details, 'claim-details-done');
    let changes = 0;
    details.addEventListener('claim-details-change', () => (changes += 1));
    await pressKeys('Escape');
    const event = await done;
    expect(event.type).to.equal('claim-details-done');
    expect(changes, 'Escape alone changes nothing').to.equal(0);
  });

  it('inside <claim-editor>, editing the source updates the annotation', async () => {
    const editor = await fixture<ClaimEditor>(`<claim-editor>${ARTICLE_HTML}</claim-editor>`);
    await editor.updateComplete;
    const added = editor.addAnnotation({ tag: 'analyst-opinion', quote: P2_S1 });
    await editor.updateComplete;

    const sidebar = shadowOf(editor).querySelector('claim-sidebar')!;
    await sidebar.updateComplete;
    shadowOf(sidebar).querySelector<HTMLElement>(`[data-annotation-id="${added.id}"]`)!.click();
    await editor.updateComplete;
    const details = shadowOf(editor).querySelector<ClaimDetails>('claim-details')!;
    await details.updateComplete;
    expect(details.hidden).to.equal(false);

    const source = field(details, 'Source');
    source.value = 'An analyst at the Coastal Policy Institute';
    source.dispatchEvent(new Event('change'));
    await editor.updateComplete;
    const index = editor.annotations.findIndex((a) => a.id === added.id);
    expect(index).to.be.at.least(0);
    expect(editor.annotations[index].source).to.equal('An analyst at the Coastal Policy Institute');
    await details.updateComplete;
    expect(field(details, 'Source').value).to.equal('An analyst at the Coastal Policy Institute');
  });
});
