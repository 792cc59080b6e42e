import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './claim-editor.js';
import type { ClaimEditor } from './claim-editor.component.js';
import { shadowOf } from '../../test-support/editor-helpers.js';
import { ClaimStore } from '../../storage/claim-store.js';
import { deleteDatabase } from '../../test-support/storage-helpers.js';

describe('claim-editor sync client', () => {
  it('with sync-url, tells claim-sync and shows the sync status in the toolbar', async () => {
    const element = document.createElement('claim-editor') as ClaimEditor;
    element.documentId = `sync-${crypto.randomUUID()}`;
    element.dbName = `sync-test-${crypto.randomUUID()}`;
    element.setAttribute('sync-url', 'ws://127.0.0.1:9/');
    const event = oneEvent(element, 'claim-sync');
    document.body.append(element);
    try {
      const { detail } = await event;
      expect(['connecting', 'offline']).to.include(detail.state);
      expect(detail.peers).to.equal(0);
      await element.updateComplete;
      const status = shadowOf(element).querySelector('.sync-status');
      expect(status?.getAttribute('data-state')).to.be.oneOf(['connecting', 'offline']);
    } finally {
      element.remove();
    }
  });

  it('tells an unreadable kept shared state like other storage problems (claim-error and the notice), set aside', async () => {
    const documentId = `sync-${crypto.randomUUID()}`;
    const dbName = `sync-test-${crypto.randomUUID()}`;
    const store = await ClaimStore.open(dbName);
    await store.syncUpdates().append(documentId, new Uint8Array([0, 7, 255, 255, 255, 255]));
    store.close();
    const element = document.createElement('claim-editor') as ClaimEditor;
    element.documentId = documentId;
    element.dbName = dbName;
    element.setAttribute('sync-url', 'ws://127.0.0.1:9/');
    const error = oneEvent(element, 'claim-error');
    document.body.append(element);
    try {
      const { detail } = await error;
      expect(detail.kind).to.equal('storage-corrupt');
      expect(detail.message).to.contain('set aside');
      await element.updateComplete;
      expect(shadowOf(element).querySelector('.storage-notice')?.textContent).to.contain('set aside');
    } finally {
      element.remove();
      await deleteDatabase(dbName);
    }
  });

  it('without sync-url, shows no sync status', async () => {
    const element = await fixture<ClaimEditor>(html`<claim-editor><p>The harbour reopened.</p></claim-editor>`);
    await element.updateComplete;
    expect(shadowOf(element).querySelector('.sync-status')).to.equal(null);
  });
});
