import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { selectText, shadowOf } from '../../test-support/editor-helpers.js';
import { freshDbName } from '../../test-support/storage-helpers.js';
import type { ClaimEditor } from './claim-editor.component.js';
import { toolbarRows } from './toolbar-fit-controller.js';

/** Invented copy; nothing here is real reporting. */
const FIRST = 'The ferry operator said on Monday that winter crossings would resume in March.';
const SECOND = 'Port officials said the new pier was still being inspected.';
const THIRD = 'State television said the crossing was the safest in the region.';

/** An editor `width` px wide that saves (a save status) and syncs with no server (a sync status). */
async function mount(width: number): Promise<ClaimEditor> {
  const box = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px">
      <claim-editor document-id="fit-${crypto.randomUUID()}" db-name=${freshDbName()} sync-url="ws://127.0.0.1:9/">
        <p>${FIRST} ${SECOND}</p>
        <p>${THIRD}</p>
      </claim-editor>
    </div>`,
  );
  const editor = box.querySelector<ClaimEditor>('claim-editor')!;
  await editor.updateComplete;
  await editor.flush();
  return editor;
}

function toolbar(editor: ClaimEditor): HTMLElement {
  return shadowOf(editor).querySelector<HTMLElement>('[part~="toolbar"]')!;
}

/** Makes every IndexedDB write fail as a full disk would (undone after each test). */
function failWrites() {
  Object.defineProperty(IDBObjectStore.prototype, 'put', {
    configurable: true,
    value: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  });
}

describe('claim-editor: the toolbar keeps its size', () => {
  const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!;
  afterEach(() => Object.defineProperty(IDBObjectStore.prototype, 'put', put));

  // 342, 312 and 272 px: the element on a 390, 360 and 320 px wide phone in the demo (1.5rem page margins).
  for (const width of [1280, 900, 390, 360, 342, 320, 312, 272]) {
    const most = width >= 900 ? 1 : 2;
    const rows = `${most} row${most > 1 ? 's at most' : ''}`;
    it(`takes ${rows} at ${width} px, also with a storage error and a sync status`, async () => {
      const editor = await mount(width);
      await waitUntil(() => shadowOf(editor).querySelector('.sync-status'), 'a sync status');
      await waitUntil(() => toolbarRows(toolbar(editor)) <= most, `${most} row(s) at ${width} px`);

      failWrites();
      editor.addAnnotation({ tag: 'reported-fact', quote: SECOND });
      await waitUntil(() => shadowOf(editor).querySelector('.storage-error'), 'the storage alert');
      await waitUntil(() => toolbarRows(toolbar(editor)) <= most, `${most} row(s) with the alert at ${width} px`);
      expect(shadowOf(editor).querySelector('.storage-error')?.textContent).to.include('Not saved');
      editor.remove();
    });

    it(`takes ${rows} at ${width} px with a storage error, a sync status and a suggested sentence selected`, async () => {
      const editor = await mount(width);
      await waitUntil(() => shadowOf(editor).querySelector('.sync-status'), 'a sync status');
      failWrites();
      editor.addAnnotation({ tag: 'reported-fact', quote: SECOND });
      await waitUntil(() => shadowOf(editor).querySelector('.storage-error'), 'the storage alert');

      shadowOf(editor).querySelector<HTMLButtonElement>('button.suggest')!.click();
      // The first suggestion loads the suggester's chunk: its answer comes later.
      await waitUntil(() => shadowOf(editor).querySelector('.claim-suggestion-label'), 'suggestions are shown');
      await selectText(editor, THIRD);
      await waitUntil(
        () => shadowOf(editor).querySelector('button.accept-suggestion'),
        'Accept and Reject for the suggestion at the selection',
      );
      await waitUntil(
        () => toolbarRows(toolbar(editor)) <= most,
        `${most} row(s) with the alert, the sync status and a suggestion at ${width} px`,
      );

      // Drawn however short, each keeps its name (spoken) and its tooltip.
      const accept = shadowOf(editor).querySelector<HTMLButtonElement>('button.accept-suggestion')!;
      const alert = shadowOf(editor).querySelector<HTMLElement>('.storage-error')!;
      expect(alert.textContent).to.include('Not saved');
      expect(alert.title).to.match(/^Not saved: /);
      const sync = shadowOf(editor).querySelector<HTMLElement>('.sync-status')!;
      expect(sync.title).to.match(/^(Connecting…|Offline: changes kept here)$/);
      expect(sync.querySelector('.visually-hidden')?.textContent).to.equal(sync.title);
      expect(accept.textContent?.replace(/\s+/g, ' ').trim()).to.match(/^Accept “.+”$/);
      expect(accept.title).to.match(/^Accept “.+” \(Enter\)$/);
      const menu = shadowOf(editor).querySelector<HTMLElement>('.suggest-more summary')!;
      expect(menu.title).to.match(/^\d+ suggested$/);
      expect(menu.textContent?.replace(/\s+/g, ' ').trim()).to.equal(menu.title);
      for (const control of [accept, shadowOf(editor).querySelector<HTMLElement>('button.reject-suggestion')!]) {
        const box = control.getBoundingClientRect();
        expect(box.width, `${control.className} is drawn`).to.be.greaterThan(16);
      }
      editor.remove();
    });
  }
});
