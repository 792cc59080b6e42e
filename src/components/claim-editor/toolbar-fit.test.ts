import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { shadowOf } from '../../test-support/editor-helpers.js';
import { freshDbName } from '../../test-support/storage-helpers.js';
import type { ClaimEditor } from './claim-editor.component.js';
import { toolbarRows } from './toolbar-fit-controller.js';

/** Invented copy; nothing here is real reporting. */
const FIRST = 'The ferry operator said on Monday that winter crossings would resume in March.';
const SECOND = 'Port officials said the new pier was still being inspected.';

/** An editor `width` px wide that saves (a save status) and syncs with no server (a sync status). */
async function mount(width: number): Promise<ClaimEditor> {
  const box = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px">
      <claim-editor document-id="fit-${crypto.randomUUID()}" db-name=${freshDbName()} sync-url="ws://127.0.0.1:9/">
        <p>${FIRST} ${SECOND}</p>
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

describe('claim-editor: the toolbar keeps its size', () => {
  const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!;
  afterEach(() => Object.defineProperty(IDBObjectStore.prototype, 'put', put));

  for (const width of [1280, 900, 390]) {
    const most = width >= 900 ? 1 : 2;
    it(`takes ${most} row${most > 1 ? 's at most' : ''} at ${width} px, also with a storage error and a sync status`, async () => {
      const editor = await mount(width);
      await waitUntil(() => shadowOf(editor).querySelector('.sync-status'), 'a sync status');
      await waitUntil(() => toolbarRows(toolbar(editor)) <= most, `${most} row(s) at ${width} px`);

      Object.defineProperty(IDBObjectStore.prototype, 'put', {
        configurable: true,
        value: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      });
      editor.addAnnotation({ tag: 'reported-fact', quote: SECOND });
      await waitUntil(() => shadowOf(editor).querySelector('.storage-error'), 'the storage alert');
      await waitUntil(() => toolbarRows(toolbar(editor)) <= most, `${most} row(s) with the alert at ${width} px`);
      expect(shadowOf(editor).querySelector('.storage-error')?.textContent).to.include('Not saved');
      editor.remove();
    });
  }
});
