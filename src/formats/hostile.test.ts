/**
 * Hostile input through every export and back through import: markup, script
 * URLs, template syntax, bidi controls and very long strings in every
 * annotation field, the title, the tag labels and the article HTML.
 */
import { expect, fixture, html } from '@open-wc/testing';
import Papa from 'papaparse';
import '../define.js';
import type { ClaimEditor } from '../components/claim-editor/claim-editor.component.js';
import type { ClaimTransfer } from '../components/claim-transfer/claim-transfer.component.js';
import type { Annotation } from '../model/annotation.js';
import type { Tag } from '../model/taxonomy.js';
import { shadowOf } from '../test-support/editor-helpers.js';
import { activeContentIn, stringsIn, until, valueOf } from '../test-support/formats-helpers.js';
import { w3cModelErrors } from '../test-support/w3c-model-schema.js';
import type { ExportFormat } from './registry.js';
import { w3cFormat } from './w3c.js';
import { checkClaimReviewDocument } from './claimreview-schema.js';

declare global {
  interface Window {
    /** Set by any hostile handler or script, or by alert(), if one ever runs. */
    __claimHostileFormats?: number;
  }
}

const FLAG = 'window.__claimHostileFormats';

/** Strings that would run, inject or break something if they were ever written unescaped. */
const HOSTILE = [
  '<script>alert(1)</script>',
  `<script>${FLAG} = 1</script>`,
  '<img src=x onerror=alert(1)>',
  `<img src=x onerror="${FLAG} = 2">`,
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  `'><svg onload="${FLAG} = 3">`,
  `</style><script>${FLAG} = 4</script>`,
  '{{constructor}}',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<p><b>',
  '</textarea></title><iframe src="javascript:alert(1)">',
  '<!-- unclosed comment',
  ']]><![CDATA[',
  '&lt;script&gt;&amp;',
  '\u202eevil\u202c reversed',
  '=HYPERLINK("http://evil.example","x")',
];

const LONG = `${'x'.repeat(20_000)}<script>${FLAG} = 5</script>`;

const HOSTILE_TITLE = `</title><script>${FLAG} = 6</script> ${HOSTILE.join(' ')}`;
const HOSTILE_CREATOR = `<img src=x onerror="${FLAG} = 7"> {{constructor}} \u202e`;
const HOSTILE_SOURCE = `"><svg onload="${FLAG} = 8"> KCNA ${HOSTILE[2]}`;
const HOSTILE_NOTE = `${HOSTILE.join(' | ')} ${LONG}`;
const HOSTILE_VERDICT = `</style><style>*{display:none}</style> False ${HOSTILE[4]}`;
const HOSTILE_ID = `"><svg onload="${FLAG} = 9">{{constructor}}`;

/** Metadata: free text full of markup, and http(s) URLs that still carry quotes and markup in their query. */
const HOSTILE_URL = `https://news.example/a?q="><script>${FLAG} = 20</script>&x=<img src=x onerror=alert(1)>`;
const HOSTILE_META = {
  title: HOSTILE_TITLE.trim(),
  url: HOSTILE_URL,
  publisher: `</title><script>${FLAG} = 21</script> Courier ${HOSTILE[5]}`,
  author: `${HOSTILE[3]} ${HOSTILE[9]}`,
  datePublished: '2025-06-01',
  language: 'en',
};
const HOSTILE_REVIEWER = {
  name: `${HOSTILE[12]} Desk & <Co>`,
  url: `https://check.example/?a="><svg onload="${FLAG} = 22">`,
  logo: `https://check.example/logo.png?"><script>${FLAG} = 23</script>`,
};
const HOSTILE_REVIEW_URL = `https://check.example/review?x='><svg onload="${FLAG} = 24">`;

const HOSTILE_TAXONOMY: Tag[] = [
  {
    id: 'state-media-claim',
    label: `</style><script>${FLAG} = 10</script> State`,
    key: '1',
    color: '#b3261e',
    description: `"><img src=x onerror="${FLAG} = 11">`,
  },
  {
    id: 'analyst-opinion',
    label: '{{constructor.constructor("alert(1)")()}} \u202eAnalyst',
    key: '2',
    color: '#6a3fb5',
  },
  {
    id: 'reported-fact',
    label: '<img src=x onerror=alert(1)> fact',
    key: '3',
    color: '#0b6e4f',
    description: 'javascript:alert(1)',
  },
];

/** Article HTML a hostile CMS or paste might deliver. Its visible text includes markup-looking text. */
const HOSTILE_ARTICLE = [
  `<p onclick="${FLAG} = 12" style="color: red">Officials <b>denied</b> the <a href="javascript:alert(1)">report</a>.</p>`,
  `<script>${FLAG} = 13</script>`,
  `<p><img src="x-missing.png" onerror="${FLAG} = 14"> Caption &lt;script&gt;alert(1)&lt;/script&gt; text.</p>`,
  '<style>p { display: none }</style>',
  `<p>Read <a href=" JaVaScRiPt:alert(2)">this</a> and <a href="https://example.org/ok" onmouseover="${FLAG} = 15">that</a> &amp; more.</p>`,
  `<p><iframe src="javascript:alert(3)"></iframe>Quote: "&gt;&lt;svg onload=alert(1)&gt;" said nobody.</p>`,
].join('');

const SENTENCE_1 = 'Officials denied the report.';
const SENTENCE_2 = 'Caption <script>alert(1)</script> text.';
const SENTENCE_3 = 'Quote: "><svg onload=alert(1)>" said nobody.';

const FORMATS: ExportFormat[] = ['html', 'html-fragment', 'w3c', 'json', 'csv', 'claimreview'];

/** An editor whose every annotation field, title, tag label and article carries hostile text. */
async function hostileEditor(): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(html`<claim-editor annotator=${HOSTILE_CREATOR}></claim-editor>`);
  editor.taxonomy = HOSTILE_TAXONOMY;
  await editor.loadArticle({ html: HOSTILE_ARTICLE, title: HOSTILE_TITLE });
  editor.articleMeta = HOSTILE_META;
  editor.reviewer = HOSTILE_REVIEWER;
  editor.reviewUrl = HOSTILE_REVIEW_URL;
  expect(editor.text).to.include(SENTENCE_1);
  expect(editor.text).to.include(SENTENCE_2);
  expect(editor.text).to.include(SENTENCE_3);

  const byApi = editor.addAnnotation({
    tag: 'state-media-claim',
    quote: SENTENCE_1,
    source: HOSTILE_SOURCE,
    note: HOSTILE_NOTE,
  });
  editor.updateAnnotation(byApi.id, { verdict: HOSTILE_VERDICT });
  editor.addAnnotation({
    tag: 'analyst-opinion',
    quote: '<script>alert(1)</script>',
    note: HOSTILE[0],
    source: HOSTILE[8],
  });

  // Through a native file: a hostile id, the tag written as its hostile label, and a hostile creator.
  const report = await editor.importAnnotations({
    format: 'claim-provenance',
    version: 1,
    annotations: [
      {
        id: HOSTILE_ID,
        tag: HOSTILE_TAXONOMY[2].label.toUpperCase(),
        quote: SENTENCE_3,
        source: HOSTILE[5],
        note: HOSTILE[11],
        verdict: HOSTILE[9],
        creator: HOSTILE[7],
        created: '2025-06-01T09:15:00.000Z',
        modified: '2025-06-01T09:20:00.000Z',
      },
    ],
  });
  expect(report.errors, 'hostile annotation imported').to.deep.equal([]);
  expect(editor.annotations).to.have.length(3);
  await editor.updateComplete;
  return editor;
}

/** Every shadow root under `root`, itself included. */
function shadowRoots(root: ShadowRoot): ShadowRoot[] {
  const nested = [...root.querySelectorAll('*')].flatMap((element) =>
    element.shadowRoot ? shadowRoots(element.shadowRoot) : [],
  );
  return [root, ...nested];
}

/**
 * Gives a hostile handler time to run, if one was planted. No animation frame
 * is awaited: Firefox gives none to a test page that is not the front tab.
 */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 100));
}

function expectNoInjectedElements(editor: ClaimEditor) {
  for (const root of shadowRoots(shadowOf(editor))) {
    const host = (root.host as Element).localName;
    expect(activeContentIn(root, { allowStyleAttributes: true, allowForms: true }), `inside <${host}>`).to.deep.equal(
      [],
    );
    expect(root.querySelectorAll('style, b, p > p'), `injected elements inside <${host}>`).to.have.length(0);
    const links = [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
    for (const href of links) expect(href, `link inside <${host}>`).to.match(/^(https?:|mailto:|#)/);
  }
}

function byQuote(annotations: readonly Annotation[], quote: string): Annotation {
  const found = annotations.find((a) => a.quote === quote);
  if (!found) throw new Error(`No annotation of ${JSON.stringify(quote)}.`);
  return found;
}

/** Removes the export's formula-protection apostrophe, if the CSV added one. */
function unprotect(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

describe('hostile input through every export and import', () => {
  let editor: ClaimEditor;
  let originalAlert: typeof window.alert;

  before(async () => {
    originalAlert = window.alert;
    window.alert = () => {
      window.__claimHostileFormats = 100;
    };
  });

  after(() => {
    window.alert = originalAlert;
  });

  beforeEach(async () => {
    delete window.__claimHostileFormats;
    editor = await hostileEditor();
  });

  afterEach(async () => {
    await settle();
    expect(window.__claimHostileFormats, 'a hostile handler, script or alert ran').to.equal(undefined);
  });

  it('keeps the hostile text as text in the editor and sanitises the article HTML', () => {
    expect(editor.text).not.to.include(FLAG);
    const annotations = editor.annotations;
    const first = byQuote(annotations, SENTENCE_1);
    expect(first).to.include({
      source: HOSTILE_SOURCE,
      note: HOSTILE_NOTE,
      verdict: HOSTILE_VERDICT,
      creator: HOSTILE_CREATOR,
    });
    expect(byQuote(annotations, SENTENCE_3)).to.include({ id: HOSTILE_ID, tag: 'reported-fact', creator: HOSTILE[7] });
    expect(editor.documentTitle).to.equal(HOSTILE_TITLE.trim());
  });

  for (const format of ['html', 'html-fragment'] as const) {
    it(`${format}: no script, handler, javascript: URL or foreign style; every string escaped and kept`, () => {
      const output = editor.exportAs(format);
      expect(output, 'raw output').not.to.match(/<script/i);
      expect(output.match(/<style/gi) ?? [], 'one <style> in the raw output').to.have.length(1);
      expect(output.match(/<\/style/gi) ?? [], 'one </style> in the raw output').to.have.length(1);
      const doc = new DOMParser().parseFromString(output, 'text/html');
      expect(activeContentIn(doc)).to.deep.equal([]);
      const styles = doc.querySelectorAll('style');
      expect(styles, 'only the export’s own <style>').to.have.length(1);
      const css = styles[0].textContent ?? '';
      expect(css).not.to.match(/<\/style/i);
      expect(css).not.to.include(FLAG);
      expect(css).not.to.match(/display:\s*none\s*}/);
      expect(doc.querySelectorAll('b, iframe, svg, img'), 'no element from hostile text').to.have.length(0);

      if (format === 'html') expect(doc.title).to.equal(HOSTILE_TITLE.trim());
      expect(doc.querySelector('h1')?.textContent).to.equal(HOSTILE_TITLE.trim());
      const article = doc.querySelector('article')!.cloneNode(true) as Element;
      article.querySelectorAll('.claim-label').forEach((label) => label.remove());
      for (const sentence of [SENTENCE_1, SENTENCE_2, SENTENCE_3]) expect(article.textContent).to.include(sentence);

      const items = [...doc.querySelectorAll<HTMLElement>('section.annotations li')];
      expect(items).to.have.length(3);
      editor.annotations.forEach((a, i) => {
        expect(items[i].dataset.annotationId).to.equal(a.id);
        expect(items[i].querySelector('.quote')?.textContent).to.equal(a.quote);
        expect(items[i].querySelector('.source')?.textContent).to.equal(a.source);
        expect(items[i].querySelector('.note')?.textContent).to.equal(a.note);
        expect(items[i].querySelector('.verdict')?.textContent ?? undefined).to.equal(a.verdict);
        expect(doc.querySelectorAll(`mark[data-annotation-id="${CSS.escape(a.id)}"]`).length, a.id).to.be.greaterThan(
          0,
        );
      });
      const header = doc.querySelector('header')!;
      for (const value of [HOSTILE_META.publisher, HOSTILE_META.author, HOSTILE_REVIEWER.name])
        expect(header.textContent).to.include(value);
      const hrefs = [...header.querySelectorAll('a')].map((anchor) => anchor.getAttribute('href'));
      expect(hrefs).to.deep.equal(['https://news.example/', HOSTILE_URL, HOSTILE_REVIEWER.url]);
      const reviewed = new DOMParser().parseFromString(
        editor.exportAs(format, { annotations: 'reviewed' }),
        'text/html',
      );
      expect(activeContentIn(reviewed)).to.deep.equal([]);
      expect(reviewed.querySelectorAll('b, iframe, svg, img, script')).to.have.length(0);
      expect([...reviewed.querySelectorAll('.claim-verdict')].map((v) => v.textContent)).to.include(
        HOSTILE_VERDICT.trim(),
      );
      const legend = [...doc.querySelectorAll('.legend li')].map((li) => li.textContent ?? '');
      HOSTILE_TAXONOMY.forEach((tag, i) => {
        expect(legend[i]).to.include(tag.label);
        if (tag.description) expect(legend[i]).to.include(tag.description);
      });
    });
  }

  it('json: valid JSON that keeps every string verbatim, and imports back exactly into an empty editor', async () => {
    const output = editor.exportAs('json');
    const file = JSON.parse(output) as {
      document: { title: string; text: string };
      taxonomy: Tag[];
      annotations: Annotation[];
    };
    expect(file.document.title).to.equal(HOSTILE_TITLE.trim());
    expect(file.document.text).to.equal(editor.text);
    expect(file.taxonomy).to.deep.equal(HOSTILE_TAXONOMY);
    expect(file.annotations).to.deep.equal(editor.annotations);
    expect((file.document as { meta?: unknown }).meta).to.deep.equal(HOSTILE_META);

    const restored = await fixture<ClaimEditor>(html`<claim-editor></claim-editor>`);
    const report = await restored.importAnnotations(output);
    expect(report.errors).to.deep.equal([]);
    expect(restored.articleMeta).to.deep.equal(HOSTILE_META);
    expect(restored.text).to.equal(editor.text);
    expect(restored.documentTitle).to.equal(editor.documentTitle);
    expect(restored.annotations).to.deep.equal(editor.annotations);
    await restored.updateComplete;
    expectNoInjectedElements(restored);
  });

  it('w3c: valid JSON-LD that keeps every string verbatim, and imports back into the same article', async () => {
    const output = editor.exportAs('w3c');
    const collection = JSON.parse(output) as { label: string };
    expect(w3cModelErrors(collection)).to.deep.equal([]);
    expect(collection.label).to.equal(HOSTILE_TITLE.trim());
    const strings = stringsIn(collection);
    for (const value of [
      HOSTILE_SOURCE,
      HOSTILE_NOTE,
      HOSTILE_VERDICT,
      HOSTILE_CREATOR,
      HOSTILE[7],
      ...editor.annotations.map((a) => a.quote),
    ])
      expect(strings).to.include(value);
    const targets = (JSON.parse(output) as { first: { items: { target: { source: string } }[] } }).first.items;
    for (const item of targets) {
      expect(item.target.source, 'the article URL, as an IRI').not.to.match(/[\s<>"{}|\\^`]/);
      expect(new URL(item.target.source).href).to.equal(new URL(HOSTILE_URL).href);
    }
    const parsed = valueOf(w3cFormat.parse(output));
    expect(parsed.annotations.map((a) => a.id)).to.deep.equal(editor.annotations.map((a) => a.id));

    const target = await fixture<ClaimEditor>(html`<claim-editor></claim-editor>`);
    await target.loadArticle({ html: HOSTILE_ARTICLE });
    const report = await target.importAnnotations(output);
    expect(report).to.include({ added: 3, orphaned: 0 });
    const fields = (a: Annotation) => [a.id, a.tag, a.quote, a.source, a.note, a.verdict, a.creator, a.start, a.end];
    expect(target.annotations.map(fields)).to.deep.equal(editor.annotations.map(fields));
    await target.updateComplete;
    expectNoInjectedElements(target);
  });

  it('csv: parses to one row per annotation with every field verbatim', () => {
    const rows = Papa.parse<Record<string, string>>(editor.exportAs('csv').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.errors).to.deep.equal([]);
    expect(rows.data).to.have.length(3);
    editor.annotations.forEach((a, i) => {
      const row = rows.data[i];
      expect(unprotect(row.id)).to.equal(a.id);
      expect(unprotect(row.quote)).to.equal(a.quote);
      expect(unprotect(row.source)).to.equal(a.source ?? '');
      expect(unprotect(row.note)).to.equal(a.note ?? '');
      expect(unprotect(row.verdict)).to.equal(a.verdict ?? '');
      expect(unprotect(row.creator)).to.equal(a.creator ?? '');
    });
  });

  it('claimreview: valid JSON, safe to embed in a <script> element, with the reviewed quotes verbatim', () => {
    const output = editor.exportAs('claimreview');
    expect(output).not.to.match(/[<>&]/);
    const data: unknown = JSON.parse(output);
    expect(checkClaimReviewDocument(data)).to.deep.equal([]);
    const strings = stringsIn(data);
    const reviewed = editor.annotations.filter((x) => x.verdict);
    expect(reviewed).to.have.length(2);
    for (const a of reviewed) expect(strings, a.id).to.include(a.quote);
    for (const value of [HOSTILE_META.title, HOSTILE_URL, HOSTILE_META.publisher, HOSTILE_REVIEWER.name])
      expect(strings).to.include(value);
    expect(strings).to.include(HOSTILE_REVIEWER.url);
    expect(strings.some((value) => value.startsWith(`${HOSTILE_REVIEW_URL}#claim-`))).to.equal(true);
  });

  it('every export is produced without running anything', async () => {
    for (const format of FORMATS) expect(editor.exportAs(format), format).to.be.a('string').and.not.equal('');
    await settle();
    expect(window.__claimHostileFormats).to.equal(undefined);
  });

  it('renders the hostile data without running it or injecting elements, with the details open', async () => {
    const sidebar = shadowOf(editor).querySelector('claim-sidebar')!;
    const entry = shadowOf(sidebar).querySelector<HTMLButtonElement>(
      `button.entry[data-annotation-id="${CSS.escape(HOSTILE_ID)}"]`,
    );
    expect(entry, 'the sidebar lists the hostile id').to.not.equal(null);
    entry!.click();
    await editor.updateComplete;
    const details = shadowOf(editor).querySelector('claim-details')!;
    await (details as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const sourceField = shadowOf(details).querySelector('claim-source-combobox[data-field="source"]')!;
    expect((sourceField as HTMLElement & { value: string }).value).to.equal(HOSTILE[5]);
    expect(shadowOf(details).querySelector('.quote')?.textContent).to.include(SENTENCE_3);
    await settle();
    expectNoInjectedElements(editor);
    const marks = shadowOf(editor).querySelectorAll('mark[data-annotation-id]');
    expect([...marks].map((m) => m.getAttribute('data-annotation-id'))).to.include(HOSTILE_ID);
  });

  it('shows an import with a hostile unknown tag as text in the tag form', async () => {
    const transfer = shadowOf(editor).querySelector<ClaimTransfer>('claim-transfer')!;
    const hostileTag = `"><img src=x onerror="${FLAG} = 16">`;
    const file = new File(
      [
        JSON.stringify({
          type: 'Annotation',
          body: { type: 'TextualBody', value: hostileTag },
          target: { source: 'x:y', selector: { type: 'TextQuoteSelector', exact: SENTENCE_1 } },
        }),
      ],
      `${HOSTILE[5]}.jsonld`,
    );
    const data = new DataTransfer();
    data.items.add(file);
    const input = shadowOf(transfer).querySelector<HTMLInputElement>('input[type="file"]')!;
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await until(() => shadowOf(transfer).querySelector('.report select') !== null, 'the unknown-tag form');
    expect(shadowOf(transfer).querySelector('.report select')?.getAttribute('name')).to.equal(`tag:${hostileTag}`);
    expect(shadowOf(transfer).querySelector('.report')?.textContent).to.include(hostileTag);
    await settle();
    expectNoInjectedElements(editor);
    expect(editor.annotations).to.have.length(3);
  });

  it('a note longer than 100 000 characters survives exportAs("json") → importAnnotations', async () => {
    const long = `${'y'.repeat(120_000)}${HOSTILE[0]}`;
    const target = byQuote(editor.annotations, SENTENCE_1);
    editor.updateAnnotation(target.id, { note: long });
    const restored = await fixture<ClaimEditor>(html`<claim-editor></claim-editor>`);
    const report = await restored.importAnnotations(editor.exportAs('json'));
    expect(report.errors).to.deep.equal([]);
    expect(byQuote(restored.annotations, SENTENCE_1).note).to.equal(long);
  });
});
