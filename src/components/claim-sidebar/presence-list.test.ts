import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import { EMPTY_ANNOTATION_LIST } from '../../model/annotation-list.js';
import type { PresenceEntry } from '../../editor/presence-list.js';
import { shadowOf } from '../../test-support/editor-helpers.js';
import type { ClaimSidebar } from './claim-sidebar.component.js';

const ana: PresenceEntry = { id: 11, name: 'Ana', colour: 2, excerpt: 'The ferry to Orsk ran late…' };
const ben: PresenceEntry = { id: 12, name: 'Ben', colour: 5 };

async function mount(presence: readonly PresenceEntry[] = []) {
  const sidebar = await fixture<ClaimSidebar>(
    html`<claim-sidebar .list=${EMPTY_ANNOTATION_LIST} .presence=${presence}></claim-sidebar>`,
  );
  await sidebar.updateComplete;
  return sidebar;
}

const list = (sidebar: ClaimSidebar) => shadowOf(sidebar).querySelector<HTMLUListElement>('.presence ul');
const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const news = (sidebar: ClaimSidebar) =>
  flat(shadowOf(sidebar).querySelector('[role="status"][aria-live="polite"]')?.textContent);

async function show(sidebar: ClaimSidebar, presence: readonly PresenceEntry[]) {
  sidebar.presence = presence;
  await sidebar.updateComplete;
}

describe('claim-sidebar: who else is here', () => {
  it('shows nothing when no one else has the document open', async () => {
    const sidebar = await mount();
    expect(shadowOf(sidebar).querySelector('.presence')).to.equal(null);
    expect(news(sidebar)).to.equal('');
  });

  it('lists the others by name with the first words of their selections, as a labelled list', async () => {
    const sidebar = await mount([ana, ben]);
    const ul = list(sidebar)!;
    const label = shadowOf(sidebar).getElementById(ul.getAttribute('aria-labelledby')!);
    expect(label?.textContent).to.equal('Also here:');
    expect([...ul.querySelectorAll('li')].map((li) => flat(li.textContent))).to.deep.equal([
      'Ana (on ‘The ferry to Orsk ran late…’),',
      'Ben',
    ]);
    expect(flat(shadowOf(sidebar).querySelector('.presence')?.textContent)).to.equal(
      'Also here: Ana (on ‘The ferry to Orsk ran late…’), Ben',
    );
  });

  it('gives each a dot in their colour, from --claim-presence-<n>-color', async () => {
    const sidebar = await mount([ana, ben]);
    sidebar.style.setProperty('--claim-presence-2-color', 'rgb(1, 2, 3)');
    const dots = [...shadowOf(sidebar).querySelectorAll<HTMLElement>('.presence-dot')];
    expect(getComputedStyle(dots[0]).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(dots[1]).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(dots.every((dot) => dot.getAttribute('aria-hidden') === 'true')).to.equal(true);
  });

  it('announces comings and goings politely, not selection moves', async () => {
    const sidebar = await mount();
    await show(sidebar, [ana]);
    expect(news(sidebar)).to.equal('Ana is here too.');
    await show(sidebar, [ana, ben]);
    expect(news(sidebar)).to.equal('Ben is here too.');
    await show(sidebar, [
      { ...ana, excerpt: 'Repairs start on…' },
      { ...ben, excerpt: 'Its owner blamed the fog.' },
    ]);
    expect(news(sidebar)).to.equal('Ben is here too.');
    expect(flat(list(sidebar)?.textContent)).to.contain('Repairs start on…');
    await show(sidebar, [ana]);
    expect(news(sidebar)).to.equal('Ben left.');
    await show(sidebar, []);
    expect(news(sidebar)).to.equal('Ana left.');
    expect(list(sidebar)).to.equal(null);
  });

  it('says several at once, and a name once for two of its tabs', async () => {
    const sidebar = await mount();
    await show(sidebar, [ana, ben, { ...ben, id: 13 }, { id: 14, name: 'Cleo', colour: 1 }]);
    expect(news(sidebar)).to.equal('Ana, Ben and Cleo are here too.');
    await show(sidebar, [ana]);
    expect(news(sidebar)).to.equal('Ben and Cleo left.');
  });
});
