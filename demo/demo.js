// The demo page: the editor from the bundle, a list of the articles saved in
// this browser, and what an embedding page receives through events.
import { deleteDocument, listDocuments, validateArticleMeta } from '../dist/claim-editor.js';

const editor = document.getElementById('editor');
const output = document.getElementById('last-change');
const list = document.getElementById('documents');
const form = document.getElementById('new-article-form');
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

// The document last opened here is opened again on reload. Switched before the editor's first update (this
// module runs right after the bundle defined it): the sample in the page is taken out first, or it would be
// loaded into that document in place of its saved article.
const SAMPLE_ID = editor.documentId;
const LAST_OPENED_KEY = 'claim-demo:last-document';
const sample = [...editor.childNodes];
const lastOpened = localStorage.getItem(LAST_OPENED_KEY);
const sync = syncParameters(new URLSearchParams(location.search));
if (sync) {
  // Team sync: ?sync=ws://host:port&token=…&user=…[&doc=…] opens the sample (or `doc`) on that server.
  editor.syncToken = sync.token;
  if (sync.user) editor.annotator = sync.user;
  if (sync.doc) editor.documentId = sync.doc;
  editor.syncUrl = sync.url;
} else if (lastOpened && lastOpened !== SAMPLE_ID) {
  editor.replaceChildren();
  editor.documentId = lastOpened;
}

/** `?sync=` (a ws: or wss: URL), `token`, `user` and `doc`, checked; undefined without a valid `sync`. */
function syncParameters(params) {
  const raw = params.get('sync');
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    console.warn('Demo: ?sync= is not a URL; sync stays off.');
    return undefined;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    console.warn('Demo: ?sync= must be a ws: or wss: URL; sync stays off.');
    return undefined;
  }
  const text = (name, max) => (params.get(name) ?? '').trim().slice(0, max) || undefined;
  const doc = text('doc', 200);
  return { url: url.href, token: text('token', 4096), user: text('user', 100), doc };
}

function rememberOpened() {
  localStorage.setItem(LAST_OPENED_KEY, editor.documentId);
}

/** The last-opened document is gone (deleted in another tab, say): back to the sample. */
async function fallBackToSample(documents) {
  if (!documents || documents.some((doc) => doc.id === editor.documentId)) return;
  localStorage.removeItem(LAST_OPENED_KEY);
  editor.documentId = SAMPLE_ID;
  await editor.updateComplete;
  if (!documents.some((doc) => doc.id === SAMPLE_ID)) {
    const html = sample.map((node) => node.outerHTML ?? node.textContent).join('');
    await editor.loadArticle({ html });
  }
}

editor.addEventListener('claim-change', (event) => {
  const { reason, annotations } = event.detail;
  const lines = annotations.map(
    (a) =>
      `${a.tag.padEnd(18)} ${a.start}–${a.end} ${JSON.stringify(a.quote.slice(0, 50))}${a.source ? ` — ${a.source}` : ''}`,
  );
  output.textContent = `reason: ${reason}, ${annotations.length} annotation(s)\n${lines.join('\n')}`;
});

function button(label, onClick, attributes = {}) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.addEventListener('click', onClick);
  return element;
}

async function refreshList() {
  let documents;
  try {
    documents = await listDocuments(editor.dbName);
  } catch (error) {
    list.replaceChildren(
      Object.assign(document.createElement('li'), { textContent: `Storage unavailable: ${error.message}` }),
    );
    return;
  }
  list.replaceChildren(
    ...documents.map((doc) => {
      const item = document.createElement('li');
      const title = doc.title || 'Untitled article';
      const name = document.createElement('span');
      name.className = 'title';
      name.textContent = title;
      const when = document.createElement('time');
      when.dateTime = doc.modified;
      when.textContent = dateFormat.format(new Date(doc.modified));
      const isOpen = doc.id === editor.documentId;
      item.append(
        name,
        when,
        button(isOpen ? 'Open now' : 'Open', () => openDocument(doc.id), {
          'aria-label': `Open ${title}`,
          ...(isOpen ? { 'aria-current': 'true', disabled: '' } : {}),
        }),
        button('Delete…', () => removeDocument(doc.id, title), { 'aria-label': `Delete ${title}` }),
      );
      return item;
    }),
  );
}

async function openDocument(id) {
  await editor.flush().catch(() => undefined);
  editor.documentId = id;
  rememberOpened();
  await editor.updateComplete;
  await refreshList();
  editor.shadowRoot.querySelector('.ProseMirror')?.focus();
}

async function removeDocument(id, title) {
  if (!window.confirm(`Delete “${title}” and all its annotations from this browser? This cannot be undone.`)) return;
  if (id === editor.documentId) {
    // Move the editor off the document first (to a new, empty one), so it does not save it again.
    editor.documentId = crypto.randomUUID();
    await editor.updateComplete;
  }
  await deleteDocument(id, editor.dbName);
  await refreshList();
}

// The fact-checking desk the demo's ClaimReview export names; each article's review page is under its URL.
editor.reviewer = { name: 'Demo Fact Check', url: 'https://factcheck.example/' };

/** The new-article form's metadata; the editor checks it (http(s) URL, ISO date) and throws on a bad value. */
function metaFrom(data) {
  const meta = {};
  for (const key of ['title', 'url', 'publisher', 'author', 'datePublished', 'language']) {
    const value = String(data.get(key) ?? '').trim();
    if (value) meta[key] = value;
  }
  return meta;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const body = String(data.get('body') ?? '');
  const meta = metaFrom(data);
  const formError = form.querySelector('.form-error');
  try {
    validateArticleMeta(meta);
  } catch (error) {
    formError.textContent = error.message;
    formError.hidden = false;
    return;
  }
  formError.hidden = true;
  const looksLikeHtml = /<\/?[a-z][^>]*>/i.test(body);
  await editor.flush().catch(() => undefined);
  editor.documentId = crypto.randomUUID();
  rememberOpened();
  await editor.loadArticle(looksLikeHtml ? { html: body, title: meta.title } : { text: body, title: meta.title });
  editor.articleMeta = meta;
  editor.reviewUrl = `https://factcheck.example/reviews/${editor.documentId}`;
  await editor.flush().catch(() => undefined);
  form.reset();
  form.closest('details').open = false;
  await refreshList();
});

let refreshTimer;
editor.addEventListener('claim-save', () => {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshList, 500);
});
customElements.whenDefined('claim-editor').then(async () => {
  if (lastOpened && lastOpened !== SAMPLE_ID)
    await fallBackToSample(await listDocuments(editor.dbName).catch(() => undefined));
  await refreshList();
});
