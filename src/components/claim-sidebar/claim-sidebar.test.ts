import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../define.js';
import type { Annotation } from '../../model/annotation.js';
import { annotationListOf } from '../../model/annotation-list.js';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import { shadowOf, shadowSelection } from '../../test-support/editor-helpers.js';
import { annotationAt } from '../../test-support/formats-helpers.js';
import { ARTICLE_HTML, ITEM_1, P1_S2, P2_S1 } from '../../test-support/sample-article.js';
import type { ClaimEditor } from '../claim-editor/claim-editor.component.js';
import type { ClaimDetails } from '../claim-details/claim-details.component.js';
import type { ClaimSidebar, SidebarSelectDetail } from './claim-sidebar.component.js';

const TEXT =
  'Officials said grain output rose sharply this year. Independent estimates put the harvest lower. ' +
  'A Seoul economist called the claim implausible. Prices at local markets stayed high through the autumn.';

function annotation(id: string, tag: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return annotationAt(TEXT, start, end, {
    id,
    tag,
    created: '2024-03-01T09:00:00.000Z',
    modified: '2024-03-01T09:00:00.000Z',
    ...extra,
  });
}

// Two overlapping state-media claims (0–60 and 30–90: 90 characters together), one analyst opinion (20 characters).
const claimA = annotation('claim-a', 'state-media-claim', 0, 60, { source: 'State radio' });
const claimB = annotation('claim-b', 'state-media-claim', 30, 90);
const opinion = annotation('opinion-1', 'analyst-opinion', 100, 120, { note: 'Named economist.' });
const TEXT_LENGTH = 300;

async function mountSidebar(annotations: readonly Annotation[]): Promise<ClaimSidebar> {
  const sidebar = await fixture<ClaimSidebar>(
    html`<claim-sidebar
      .list=${annotationListOf(annotations, TEXT_LENGTH)}
      .taxonomy=${DEFAULT_TAXONOMY}
    ></claim-sidebar>`,
  );
  await sidebar.updateComplete;
  // The per-tag summary is counted just after the list is drawn.
  await waitUntil(() => shadowOf(sidebar).querySelector('.summary[aria-busy="false"]'), 'the summary is counted');
  return sidebar;
}

function entries(sidebar: ClaimSidebar): HTMLElement[] {
  return [...shadowOf(sidebar).querySelectorAll<HTMLElement>('[data-annotation-id]')];
}

function entry(sidebar: ClaimSidebar, id: string): HTMLElement {
  const element = shadowOf(sidebar).querySelector<HTMLElement>(`[data-annotation-id="${id}"]`);
  if (!element) throw new Error(`No sidebar entry for ${id}.`);
  return element;
}

/** The summary texts shown for a tag (visible text only): every value after its label's term up to the next tag. */
function summaryOf(sidebar: ClaimSidebar, label: string): string[] {
  const terms = [...shadowOf(sidebar).querySelectorAll('dt')];
  const term = terms.find((dt) => dt.textContent?.includes(label));
  if (!term) throw new Error(`No summary for ${label}.`);
  const values: string[] = [];
  for (let next = term.nextElementSibling; next && next.localName !== 'dt'; next = next.nextElementSibling) {
    const visible = next.cloneNode(true) as Element;
    visible.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    values.push(visible.textContent?.trim() ?? '');
  }
  return values;
}

function percent(share: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

describe('<claim-sidebar>', () => {
  it('lists a quote that carries its own quotation marks with no marks added', async () => {
    const quote = '“Prices will fall,” said a trader.';
    const text = `${quote} Nobody else spoke.`;
    const quoted = annotationAt(text, 0, quote.length, { id: 'quoted', tag: 'analyst-opinion' });
    const sidebar = await fixture<ClaimSidebar>(
      html`<claim-sidebar
        .list=${annotationListOf([quoted], text.length)}
        .taxonomy=${DEFAULT_TAXONOMY}
      ></claim-sidebar>`,
    );
    await sidebar.updateComplete;
    expect(entry(sidebar, 'quoted').querySelector('.quote')?.textContent?.trim()).to.equal(quote);
  });

  it('lists the annotations in the order given, with tag label and quote', async () => {
    const sidebar = await mountSidebar([opinion, claimA, claimB]);
    const listed = entries(sidebar);
    expect(listed.map((element) => element.dataset.annotationId)).to.deep.equal(['opinion-1', 'claim-a', 'claim-b']);
    expect(listed[0].textContent).to.include('Analyst opinion');
    expect(listed[0].textContent).to.include(opinion.quote);
    expect(listed[1].textContent).to.include('State-media claim');
    expect(listed[1].textContent).to.include(claimA.quote);
  });

  it('summarises each tag by count and by share of the text, counting overlaps once', async () => {
    const sidebar = await mountSidebar([claimA, claimB, opinion]);
    const claims = summaryOf(sidebar, 'State-media claim');
    expect(claims).to.include('2');
    expect(claims).to.include(percent(90 / TEXT_LENGTH));
    expect(claims, 'overlap not counted twice').not.to.include(percent(120 / TEXT_LENGTH));
    const opinions = summaryOf(sidebar, 'Analyst opinion');
    expect(opinions).to.include('1');
    expect(opinions).to.include(percent(20 / TEXT_LENGTH));
    const facts = summaryOf(sidebar, 'Reported fact');
    expect(facts).to.include('0');
    expect(facts).to.include(percent(0));
  });

  it('recounts the summary when moved to another place in the page before a pending recount ran', async () => {
    const sidebar = await mountSidebar([claimA, claimB, opinion]);
    sidebar.list = annotationListOf([claimA, opinion], TEXT_LENGTH);
    await sidebar.updateComplete;
    const parent = sidebar.parentElement!;
    sidebar.remove();
    parent.append(sidebar);
    await waitUntil(() => summaryOf(sidebar, 'State-media claim').includes('1'), 'the summary counts the new list');
    expect(summaryOf(sidebar, 'State-media claim')).to.include(percent(60 / TEXT_LENGTH));
  });

  it('filters the list by tag when a filter button is clicked', async () => {
    const sidebar = await mountSidebar([claimA, claimB, opinion]);
    const filter = shadowOf(sidebar).querySelector<HTMLButtonElement>('button[data-filter="analyst-opinion"]');
    expect(filter).to.not.equal(null);
    filter!.click();
    await sidebar.updateComplete;
    expect(entries(sidebar).map((element) => element.dataset.annotationId)).to.deep.equal(['opinion-1']);
    expect(filter!.getAttribute('aria-pressed')).to.equal('true');

    shadowOf(sidebar).querySelector<HTMLButtonElement>('button[data-filter="state-media-claim"]')!.click();
    await sidebar.updateComplete;
    expect(entries(sidebar).map((element) => element.dataset.annotationId)).to.deep.equal(['claim-a', 'claim-b']);

    shadowOf(sidebar).querySelector<HTMLButtonElement>('button[data-filter="all"]')!.click();
    await sidebar.updateComplete;
    expect(entries(sidebar)).to.have.length(3);
  });

  it('fires claim-sidebar-select with the id when an entry is clicked', async () => {
    const sidebar = await mountSidebar([claimA, claimB, opinion]);
    const selected = oneEvent<CustomEvent<SidebarSelectDetail>>(sidebar, 'claim-sidebar-select');
    entry(sidebar, 'claim-b').click();
    const event = await selected;
    expect(event.detail).to.deep.equal({ id: 'claim-b' });
  });

  describe('with thousands of annotations', () => {
    const many = Array.from({ length: 15000 }, (_, i) =>
      annotation(`n${i}`, DEFAULT_TAXONOMY[i % 3].id, (i * 7) % 200, ((i * 7) % 200) + 20),
    );

    async function mountMany(): Promise<ClaimSidebar> {
      const sidebar = await fixture<ClaimSidebar>(
        html`<claim-sidebar
          style="height: 600px"
          .list=${annotationListOf(many, TEXT_LENGTH)}
          .taxonomy=${DEFAULT_TAXONOMY}
        ></claim-sidebar>`,
      );
      await waitUntil(
        () => entries(sidebar).length > 0 && shadowOf(sidebar).querySelector('ol')!.style.height !== '',
        'rows measured',
      );
      return sidebar;
    }

    const scroller = (sidebar: ClaimSidebar) => shadowOf(sidebar).querySelector<HTMLElement>('.list')!;

    it('draws only the rows in view, with the whole list’s length for scrolling and screen readers', async () => {
      const sidebar = await mountMany();
      expect(entries(sidebar).length).to.be.within(5, 60);
      expect(scroller(sidebar).scrollHeight).to.be.greaterThan(15000 * 40);
      const first = shadowOf(sidebar).querySelector('li')!;
      expect(first.getAttribute('aria-setsize')).to.equal('15000');
      expect(first.getAttribute('aria-posinset')).to.equal('1');
    });

    it('shows the last entries when scrolled to the end', async () => {
      const sidebar = await mountMany();
      scroller(sidebar).scrollTop = scroller(sidebar).scrollHeight;
      await waitUntil(
        () => entries(sidebar).some((e) => e.dataset.annotationId === 'n14999'),
        'the last entry is drawn',
      );
      expect(entries(sidebar).length).to.be.within(5, 60);
      const last = entry(sidebar, 'n14999').getBoundingClientRect();
      const box = scroller(sidebar).getBoundingClientRect();
      expect(last.bottom).to.be.at.most(box.bottom + 1);
    });

    it('scrolls a selected annotation far down the list into view', async () => {
      const sidebar = await mountMany();
      sidebar.selectedId = 'n9000';
      await sidebar.updateComplete;
      await waitUntil(
        () => shadowOf(sidebar).querySelector('[data-annotation-id="n9000"]'),
        'the selected entry is drawn',
      );
      expect(entry(sidebar, 'n9000').getAttribute('aria-current')).to.equal('true');
      const inView = () => {
        const row = entry(sidebar, 'n9000').getBoundingClientRect();
        const box = scroller(sidebar).getBoundingClientRect();
        return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
      };
      await waitUntil(inView, 'the list is scrolled to the selected entry');
    });

    it('moves between entries with ↓, End and Home, drawing the ones it reaches', async () => {
      const sidebar = await mountMany();
      entry(sidebar, 'n0').focus();
      entry(sidebar, 'n0').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
      );
      await waitUntil(
        () => shadowOf(sidebar).activeElement?.getAttribute('data-annotation-id') === 'n1',
        'focus on the second entry',
      );
      entry(sidebar, 'n1').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
      await waitUntil(
        () => shadowOf(sidebar).activeElement?.getAttribute('data-annotation-id') === 'n14999',
        'focus on the last entry',
      );
      await waitUntil(
        () => scroller(sidebar).scrollTop + scroller(sidebar).clientHeight >= scroller(sidebar).scrollHeight - 1,
        'scrolled to the end',
      );
      entry(sidebar, 'n14999').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }),
      );
      await waitUntil(
        () => shadowOf(sidebar).activeElement?.getAttribute('data-annotation-id') === 'n0',
        'focus back on the first entry',
      );
    });
  });

  it('inside <claim-editor>, selects the clicked annotation and shows it in the details panel', async () => {
    const editor = await fixture<ClaimEditor>(`<claim-editor>${ARTICLE_HTML}</claim-editor>`);
    await editor.updateComplete;
    editor.addAnnotation({ tag: 'reported-fact', quote: P1_S2 });
    const opinionInEditor = editor.addAnnotation({
      tag: 'analyst-opinion',
      quote: P2_S1,
      source: 'Coastal Policy Institute',
    });
    editor.addAnnotation({ tag: 'state-media-claim', quote: ITEM_1 });
    await editor.updateComplete;

    const sidebar = shadowOf(editor).querySelector('claim-sidebar');
    const details = shadowOf(editor).querySelector<ClaimDetails>('claim-details');
    expect(sidebar).to.not.equal(null);
    expect(details).to.not.equal(null);
    await sidebar!.updateComplete;
    expect(entries(sidebar!).map((element) => element.dataset.annotationId)).to.deep.equal(
      editor.annotations.map((a) => a.id),
    );

    entry(sidebar!, opinionInEditor.id).click();
    await editor.updateComplete;
    await details!.updateComplete;
    await sidebar!.updateComplete;
    expect(details!.hidden, 'details panel shown').to.equal(false);
    expect(shadowOf(details!).textContent).to.include(P2_S1);
    expect(shadowSelection(editor).toString(), 'the annotation is selected in the text').to.equal(P2_S1);
    expect(entry(sidebar!, opinionInEditor.id).getAttribute('aria-current')).to.equal('true');
  });
});

describe('claim-sidebar updates', () => {
  it('sets no state once an update is done (Lit would update a second time, and warns)', async () => {
    const { ClaimSidebar: Sidebar } = await import('./claim-sidebar.component.js');
    const pendingAfterUpdate: boolean[] = [];
    class ProbedSidebar extends Sidebar {
      protected override updated() {
        super.updated();
        pendingAfterUpdate.push(this.isUpdatePending);
      }
    }
    customElements.define('probed-claim-sidebar', ProbedSidebar);
    const many = Array.from({ length: 40 }, (_, i) => annotation(`a${i}`, 'reported-fact', i * 5, i * 5 + 4));
    const sidebar = await fixture<ClaimSidebar>(
      html`<probed-claim-sidebar
        .list=${annotationListOf(many, TEXT_LENGTH)}
        .taxonomy=${DEFAULT_TAXONOMY}
      ></probed-claim-sidebar>`,
    );
    await waitUntil(() => shadowOf(sidebar).querySelector('.summary[aria-busy="false"]'), 'the summary is counted');
    sidebar.selectedId = 'a39';
    await sidebar.updateComplete;
    sidebar.list = annotationListOf(many.slice(0, 20), TEXT_LENGTH);
    sidebar.selectedId = 'a19';
    await sidebar.updateComplete;
    await waitUntil(
      () => entries(sidebar).some((entry) => entry.dataset.annotationId === 'a19'),
      'the selected entry is drawn',
    );
    expect(pendingAfterUpdate.length, 'several updates ran').to.be.greaterThan(2);
    expect(pendingAfterUpdate.filter(Boolean), 'updates that asked for another from within').to.deep.equal([]);
  });
});
