// Team sync end to end (issue 17): two browser contexts, each on a different sync server node, the nodes sharing one
// Redis and one data directory. Every test opens a fresh document id.
import { expect, test, type Browser, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startRedis } from '../scripts/redis-process.mjs';
import { createSyncToken, startSyncServer, type SyncServer } from '../src/server/index.js';
import {
  annotations,
  clickText,
  dragText,
  editorLocator,
  editorText,
  locateText,
  markedText,
  SENTENCES,
  sidebarEntries,
  TAGS,
  tagSentence,
  textLocator,
  type AnnotationData,
} from './helpers.js';

const SECRET = 'team-sync-e2e-secret';

interface SyncEditor extends HTMLElement {
  readonly annotations: AnnotationData[];
  updateAnnotation(id: string, patch: Partial<Pick<AnnotationData, 'tag' | 'source' | 'note'>>): AnnotationData;
}

let redis: { url: string; stop(): Promise<void> };
let dataDirectory: string;
const nodes: { port: number; server: SyncServer }[] = [];
let documentCount = 0;

const startNode = async (port: number) => startSyncServer({ port, dataDirectory, redisUrl: redis.url, secret: SECRET });

test.describe('team sync through two server nodes', () => {
  test.setTimeout(60_000);

  test.beforeAll(async () => {
    redis = await startRedis();
    dataDirectory = mkdtempSync(join(tmpdir(), 'claim-sync-e2e-'));
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      nodes.push({ port, server: await startNode(port) });
    }
  });

  test.afterAll(async () => {
    for (const node of nodes.splice(0)) await node.server.close();
    await redis?.stop();
    if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true });
  });

  /** A document id no other test (or earlier run) used. */
  const freshDocument = () => `team-sync-${Date.now().toString(36)}-${(documentCount += 1)}`;

  const tokenFor = (doc: string, user: string, { secret = SECRET, expiresInSeconds = 600 } = {}) =>
    createSyncToken({ secret, user, documents: [doc], expiresInSeconds });

  const demoUrl = (node: number, doc: string, user: string, token = tokenFor(doc, user)) =>
    `/demo/?${new URLSearchParams({ sync: `ws://127.0.0.1:${nodes[node].port}`, token, user, doc })}`;

  const statusOf = (page: Page) => page.locator('claim-editor#editor .sync-status');

  /** Opens the demo on document `doc` through node `node`, counting the `claim-change` events of reason `remote`. */
  async function openSynced(page: Page, node: number, doc: string, user: string, token?: string): Promise<void> {
    await page.addInitScript(() => {
      const counts = { remote: 0, reasons: [] as string[] };
      (window as unknown as { syncCounts: typeof counts }).syncCounts = counts;
      document.addEventListener('claim-change', (event) => {
        const { reason } = (event as CustomEvent<{ reason: string }>).detail;
        counts.reasons.push(reason);
        if (reason === 'remote') counts.remote += 1;
      });
    });
    await page.goto(demoUrl(node, doc, user, token));
    await expect(textLocator(page)).toContainText(SENTENCES.independent);
  }

  const remoteChanges = (page: Page) =>
    page.evaluate(() => (window as unknown as { syncCounts: { remote: number } }).syncCounts.remote);

  /** The reasons of every `claim-change` the page fired, in order. */
  const changeReasons = (page: Page) =>
    page.evaluate(() => (window as unknown as { syncCounts: { reasons: string[] } }).syncCounts.reasons.slice());

  const connected = (page: Page) =>
    expect(statusOf(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });

  const update = (page: Page, id: string, patch: Partial<Pick<AnnotationData, 'tag' | 'source' | 'note'>>) =>
    page.evaluate(
      ({ id, patch }) => {
        (document.querySelector('claim-editor#editor') as SyncEditor).updateAnnotation(id, patch);
      },
      { id, patch },
    );

  /** The annotations of `page`, reduced to what must agree between browsers, sorted by id. */
  const shared = async (page: Page) =>
    (await annotations(page))
      .map(({ id, tag, quote, source, note }) => ({ id, tag, quote, source, note }))
      .sort((a, b) => a.id.localeCompare(b.id));

  /** Two contexts: A on node 0 (Ana), B on node 1 (Ben), both connected to `doc`; `prepareA` runs before A opens. */
  async function twoBrowsers(browser: Browser, doc: string, prepareA?: (context: BrowserContext) => Promise<void>) {
    const contextA = await browser.newContext();
    await prepareA?.(contextA);
    const contextB = await browser.newContext();
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    await openSynced(pageA, 0, doc, 'Ana');
    await openSynced(pageB, 1, doc, 'Ben');
    await connected(pageA);
    await connected(pageB);
    return { contextA, contextB, pageA, pageB };
  }

  const closeAll = async (...contexts: BrowserContext[]) => {
    for (const context of contexts) await context.close();
  };

  test('a tag with its source made in one browser appears in the other, as a remote change', async ({ browser }) => {
    const doc = freshDocument();
    const { contextA, contextB, pageA, pageB } = await twoBrowsers(browser, doc);
    await expect(statusOf(pageA)).toContainText('Ben');

    const tagged = await tagSentence(pageA, SENTENCES.independent, TAGS.state.key);
    await update(pageA, tagged.id, { source: 'Varnian Press Agency' });

    await expect
      .poll(async () => (await annotations(pageB)).map(({ id, tag, quote, source }) => ({ id, tag, quote, source })))
      .toEqual([{ id: tagged.id, tag: TAGS.state.id, quote: SENTENCES.independent, source: 'Varnian Press Agency' }]);
    expect(await remoteChanges(pageB)).toBeGreaterThan(0);
    await closeAll(contextA, contextB);
  });

  test('presence: the other browser shows who has which sentence selected, and forgets them when they close', async ({
    browser,
  }) => {
    const doc = freshDocument();
    const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
    const [pageA, pageB] = [await contextA.newPage(), await contextB.newPage()];
    await openSynced(pageA, 0, doc, 'Ana Okonkwo-Lind');
    await openSynced(pageB, 1, doc, 'Ben');
    await connected(pageA);
    await connected(pageB);
    const others = pageB.locator('claim-editor#editor claim-sidebar .presence li');
    await expect(others).toHaveText(['Ana Okonkwo-Lind']);

    await clickText(pageA, SENTENCES.dascu);
    const flag = pageB.locator('claim-editor#editor .claim-presence-flag[data-peer="Ana Okonkwo-Lind"]');
    const marked = pageB.locator('claim-editor#editor .claim-presence[data-peer="Ana Okonkwo-Lind"]');
    await expect(flag).toHaveCount(1);
    await expect.poll(async () => (await marked.allTextContents()).join('').trim()).toBe(SENTENCES.dascu);
    // The name is drawn by CSS on the flag, which sits where the sentence starts.
    expect(await flag.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"Ana Okonkwo-Lind"');
    const [flagBox, sentenceBox] = [await flag.boundingBox(), await marked.first().boundingBox()];
    expect(Math.abs(flagBox!.x - sentenceBox!.x)).toBeLessThan(4);
    expect(Math.abs(flagBox!.y - sentenceBox!.y)).toBeLessThan(sentenceBox!.height);
    // The name sits in the gap above the sentence's line: it covers no words of that line or of the one above.
    const label = await flag.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const text = document.createRange();
      text.selectNodeContents(element.closest('.ProseMirror')!);
      const above = [...text.getClientRects()].filter((rect) => rect.width > 0 && rect.bottom <= box.top + 1);
      const height = parseFloat(getComputedStyle(element, '::before').height);
      return { top: box.top - height, bottom: box.top, lineAbove: Math.max(...above.map((rect) => rect.bottom)) };
    });
    expect(label.bottom).toBeLessThanOrEqual(sentenceBox!.y + 0.5);
    expect(label.top).toBeGreaterThanOrEqual(label.lineAbove - 0.5);
    await expect(others).toHaveText(['Ana Okonkwo-Lind (on ‘Dascu also ordered officials to double…’)']);

    // B's own selection goes to A, and is not drawn on B itself.
    await clickText(pageB, SENTENCES.independent);
    await expect(pageA.locator('claim-editor#editor claim-sidebar .presence li')).toHaveText([
      'Ben (on ‘Independent figures paint a different picture.’)',
    ]);
    await expect(pageA.locator('claim-editor#editor .claim-presence-flag[data-peer="Ben"]')).toHaveCount(1);
    await expect(pageB.locator('claim-editor#editor .claim-presence-flag')).toHaveCount(1);

    await contextA.close();
    // The server tells node 1 (through Redis) that A's connection closed.
    await expect(others).toHaveCount(0, { timeout: 15_000 });
    await expect(
      pageB.locator('claim-editor#editor .claim-presence, claim-editor#editor .claim-presence-flag'),
    ).toHaveCount(0);
    await contextB.close();
  });

  test('a note edited in one browser and a retag in the other, at once, both survive', async ({ browser }) => {
    const doc = freshDocument();
    const { contextA, contextB, pageA, pageB } = await twoBrowsers(browser, doc);
    const tagged = await tagSentence(pageA, SENTENCES.stateDept, TAGS.state.key);
    await expect.poll(async () => (await annotations(pageB)).map((a) => a.id)).toEqual([tagged.id]);

    await Promise.all([
      update(pageA, tagged.id, { note: 'Asked the embassy too.' }),
      update(pageB, tagged.id, { tag: TAGS.fact.id }),
    ]);

    const expected = [{ id: tagged.id, tag: TAGS.fact.id, quote: SENTENCES.stateDept, note: 'Asked the embassy too.' }];
    for (const page of [pageA, pageB]) {
      await expect
        .poll(async () => (await annotations(page)).map(({ id, tag, quote, note }) => ({ id, tag, quote, note })))
        .toEqual(expected);
    }
    await closeAll(contextA, contextB);
  });

  /**
   * {@link twoBrowsers}, with A's sync connections through a route that `offline()` cuts. Chromium's offline mode
   * (setOffline) blocks new requests but leaves an open WebSocket running: "offline" for sync is this cut.
   */
  async function twoBrowsersWithCut(browser: Browser, doc: string) {
    let cut = false;
    const open: WebSocketRoute[] = [];
    const browsers = await twoBrowsers(browser, doc, (context) =>
      context.routeWebSocket(`ws://127.0.0.1:${nodes[0].port}/**`, (ws) => {
        if (cut) return void ws.close();
        ws.connectToServer();
        open.push(ws);
      }),
    );
    const offline = async () => {
      cut = true;
      await browsers.contextA.setOffline(true);
      for (const ws of open.splice(0)) await ws.close();
      await expect(statusOf(browsers.pageA)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
      await expect(statusOf(browsers.pageA)).toContainText('Offline: changes kept here');
    };
    /** Closes A's tab (its changes saved) and opens the document again in a new one, the sync server still cut off. */
    const reopen = async () => {
      await browsers.pageA.evaluate(() =>
        (document.querySelector('claim-editor#editor') as HTMLElement & { flush(): Promise<void> }).flush(),
      );
      await browsers.pageA.close();
      // The demo page itself comes over the network: it loads again.
      await browsers.contextA.setOffline(false);
      const reopened = await browsers.contextA.newPage();
      await openSynced(reopened, 0, doc, 'Ana');
      return reopened;
    };
    /** The network drops and comes back: the editor reconnects at once, not at its next (backed-off) retry. */
    const online = async () => {
      await browsers.contextA.setOffline(true);
      cut = false;
      await browsers.contextA.setOffline(false);
    };
    return { ...browsers, offline, reopen, online };
  }

  test('tags made offline, kept across closing and reopening the tab, reach the other browser once', async ({
    browser,
  }) => {
    const doc = freshDocument();
    const { contextA, contextB, pageA, pageB, offline, reopen, online } = await twoBrowsersWithCut(browser, doc);

    await offline();
    const offlineTags: AnnotationData[] = [];
    for (const sentence of [SENTENCES.independent, SENTENCES.stateDept, SENTENCES.dascu]) {
      offlineTags.push(await tagSentence(pageA, sentence, TAGS.fact.key));
    }
    const reopened = await reopen();
    await expect.poll(async () => (await annotations(reopened)).length).toBe(3);
    await expect(statusOf(reopened)).not.toHaveAttribute('data-state', 'connected');
    expect(await annotations(pageB)).toEqual([]);

    await online();
    await connected(reopened);
    const ids = offlineTags.map((a) => a.id).sort();
    await expect.poll(async () => (await annotations(pageB)).map((a) => a.id).sort()).toEqual(ids);
    await expect.poll(async () => (await annotations(reopened)).map((a) => a.id).sort()).toEqual(ids);
    await closeAll(contextA, contextB);
  });

  test('text edited in one browser reaches the other as a new version: annotations re-anchor or are orphaned, never misplaced', async ({
    browser,
  }) => {
    // Three browser contexts: more than the usual budget on a busy machine.
    test.setTimeout(120_000);
    const doc = freshDocument();
    const { contextA, contextB, pageA, pageB } = await twoBrowsers(browser, doc);
    const moved = await tagSentence(pageA, SENTENCES.independent, TAGS.state.key);
    const deleted = await tagSentence(pageA, SENTENCES.stateDept, TAGS.fact.key);
    await expect.poll(async () => (await annotations(pageB)).length).toBe(2);
    const reasonsBefore = (await changeReasons(pageB)).length;

    // A edits the text: a new sentence before the first tagged one, and the second tagged one deleted.
    await editorLocator(pageA).getByRole('button', { name: 'Edit text' }).click();
    await expect(editorLocator(pageA)).toHaveAttribute('mode', 'edit');
    const box = await locateText(pageA, SENTENCES.independent);
    await pageA.mouse.click(box.first.left + 1, (box.first.top + box.first.bottom) / 2);
    const added = 'Port officials disputed both counts. ';
    await pageA.keyboard.insertText(added);
    await dragText(pageA, SENTENCES.stateDept);
    await pageA.keyboard.press('Backspace');
    const edited = await editorText(pageA);
    expect(edited).toContain(added + SENTENCES.independent);
    expect(edited).not.toContain(SENTENCES.stateDept);

    // B shows A's version (sent after a pause in typing), as a remote change; the annotations follow it.
    await expect.poll(() => editorText(pageB), { timeout: 15_000 }).toBe(edited);
    const byId = async (page: Page) => new Map((await annotations(page)).map((a) => [a.id, a]));
    await expect.poll(async () => (await byId(pageB)).get(deleted.id)?.status).toBe('orphaned');
    const onB = await byId(pageB);
    expect(onB.get(moved.id)).toMatchObject({ quote: SENTENCES.independent, status: 'anchored' });
    expect(edited.slice(onB.get(moved.id)!.start, onB.get(moved.id)!.end)).toBe(SENTENCES.independent);
    expect(await markedText(pageB, moved.id)).toBe(SENTENCES.independent);
    expect(await markedText(pageB, deleted.id), 'the orphan is not drawn').toBe('');
    await expect(sidebarEntries(pageB).filter({ hasText: 'Text gone' })).toHaveCount(1);
    const reasons = (await changeReasons(pageB)).slice(reasonsBefore);
    expect(reasons.length).toBeGreaterThan(0);
    expect(new Set(reasons)).toEqual(new Set(['remote']));

    // Opened later in a fresh browser, with the page's own article: the shared version replaces it.
    const contextC = await browser.newContext();
    const pageC = await contextC.newPage();
    await openSynced(pageC, 0, doc, 'Cleo');
    await connected(pageC);
    await expect.poll(() => editorText(pageC)).toBe(edited);
    await expect.poll(async () => (await byId(pageC)).get(deleted.id)?.status).toBe('orphaned');
    expect(await markedText(pageC, moved.id)).toBe(SENTENCES.independent);
    expect(await editorText(pageA), 'A keeps its version').toBe(edited);
    await closeAll(contextA, contextB, contextC);
  });

  test('an annotation deleted and a note changed offline, across closing and reopening the tab, reach the other browser; the deleted one never comes back', async ({
    browser,
  }) => {
    const doc = freshDocument();
    const { contextA, contextB, pageA, pageB, offline, reopen, online } = await twoBrowsersWithCut(browser, doc);
    const kept = await tagSentence(pageA, SENTENCES.independent, TAGS.fact.key);
    await update(pageA, kept.id, { note: 'First read from the wire copy.' });
    const removed = await tagSentence(pageA, SENTENCES.stateDept, TAGS.state.key);
    const before = await shared(pageA);
    expect(before).toHaveLength(2);
    await expect.poll(() => shared(pageB)).toEqual(before);

    await offline();
    await pageA.evaluate((id) => {
      const editor = document.querySelector('claim-editor#editor') as HTMLElement & {
        removeAnnotation(id: string): void;
      };
      editor.removeAnnotation(id);
    }, removed.id);
    await update(pageA, kept.id, { note: 'Checked against the ministry’s own release.' });
    const reopened = await reopen();
    const after = [
      {
        id: kept.id,
        tag: TAGS.fact.id,
        quote: SENTENCES.independent,
        source: kept.source,
        note: 'Checked against the ministry’s own release.',
      },
    ];
    await expect.poll(() => shared(reopened)).toEqual(after);
    await expect(statusOf(reopened)).not.toHaveAttribute('data-state', 'connected');
    expect(await shared(pageB)).toEqual(before);

    await online();
    await connected(reopened);
    await expect.poll(() => shared(pageB)).toEqual(after);
    // A change B makes afterwards reaches A after everything the server sent before it: the deleted one stays deleted.
    await update(pageB, kept.id, { tag: TAGS.analyst.id });
    const retagged = [{ ...after[0], tag: TAGS.analyst.id }];
    await expect.poll(() => shared(reopened)).toEqual(retagged);
    await expect.poll(() => shared(pageB)).toEqual(retagged);
    await closeAll(contextA, contextB);
  });

  test('a restarted server node loses nothing', async ({ browser }) => {
    const doc = freshDocument();
    const { contextA, contextB, pageA, pageB } = await twoBrowsers(browser, doc);
    await tagSentence(pageA, SENTENCES.independent, TAGS.state.key);
    await tagSentence(pageB, SENTENCES.dascu, TAGS.analyst.key);
    await expect.poll(async () => (await annotations(pageA)).length).toBe(2);
    await expect.poll(async () => (await annotations(pageB)).length).toBe(2);

    await nodes[0].server.close();
    await expect(statusOf(pageA)).not.toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
    // Made while A's node is down: reaches A through the restarted node.
    await tagSentence(pageB, SENTENCES.lena, TAGS.analyst.key);
    nodes[0].server = await startNode(nodes[0].port);
    await connected(pageA);

    await expect.poll(async () => (await annotations(pageA)).length, { timeout: 15_000 }).toBe(3);
    const everything = await shared(pageB);
    await expect.poll(() => shared(pageA)).toEqual(everything);

    const contextC = await browser.newContext();
    const pageC = await contextC.newPage();
    await openSynced(pageC, 0, doc, 'Cleo');
    await connected(pageC);
    await expect.poll(() => shared(pageC)).toEqual(everything);
    await closeAll(contextA, contextB, contextC);
  });

  for (const [name, token] of [
    ['a token signed with another secret', (doc: string) => tokenFor(doc, 'Eve', { secret: 'not-the-secret' })],
    ['an expired token', (doc: string) => tokenFor(doc, 'Eve', { expiresInSeconds: -60 })],
  ] as const) {
    test(`${name} is refused, told to the user, and nothing of the document reaches the page`, async ({ browser }) => {
      const doc = freshDocument();
      const contextA = await browser.newContext();
      const pageA = await contextA.newPage();
      await openSynced(pageA, 0, doc, 'Ana');
      await connected(pageA);
      await tagSentence(pageA, SENTENCES.independent, TAGS.state.key);
      await tagSentence(pageA, SENTENCES.dascu, TAGS.fact.key);

      // A second, valid reader on the other node proves the annotations are on the server.
      const contextB = await browser.newContext();
      const pageB = await contextB.newPage();
      await openSynced(pageB, 1, doc, 'Ben');
      await expect.poll(async () => (await annotations(pageB)).length).toBe(2);

      const contextE = await browser.newContext();
      const pageE = await contextE.newPage();
      await openSynced(pageE, 1, doc, 'Eve', token(doc));
      await expect(statusOf(pageE)).toHaveAttribute('data-state', 'unauthorized', { timeout: 15_000 });
      await expect(statusOf(pageE)).toContainText('Sync refused: sign in again (changes kept here)');
      expect(await annotations(pageE)).toEqual([]);
      expect(await remoteChanges(pageE)).toBe(0);
      await closeAll(contextA, contextB, contextE);
    });
  }
});
