import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import Papa from 'papaparse';
import '../../define.js';
import type { ImportReport } from '../../editor/import-annotations.js';
import { MAX_IMPORT_BYTES } from '../../formats/format.js';
import { checkClaimReviewDocument } from '../../formats/claimreview-schema.js';
import { exportFormats, type ExportFormat } from '../../formats/registry.js';
import { DEFAULT_TAXONOMY } from '../../model/taxonomy.js';
import { marksOf, proseMirror, shadowOf } from '../../test-support/editor-helpers.js';
import { w3cModelErrors } from '../../test-support/w3c-model-schema.js';
import {
  ANALYST,
  collectEvents,
  CROSSINGS,
  STATE_CLAIM,
  THIRD,
  until,
  w3cAnnotation,
  w3cPage,
  WIRE_ARTICLE_HTML,
  type ClaimErrorDetail,
} from '../../test-support/formats-helpers.js';
import type { ClaimEditor } from '../claim-editor/claim-editor.component.js';
import type { ClaimTransfer, TransferImportDetail } from './claim-transfer.component.js';

type Json = Record<string, unknown>;

const FORMATS: ExportFormat[] = ['html', 'html-fragment', 'w3c', 'json', 'csv', 'claimreview'];
const EXTENSIONS: Record<ExportFormat, string> = {
  html: '.html',
  'html-fragment': '.html',
  w3c: '.jsonld',
  json: '.json',
  csv: '.csv',
  claimreview: '.jsonld',
};
/** The file-name slug of the sample article's headline, "Canal tonnage claims meet silting doubts". */
const SLUG = 'canal-tonnage-claims-meet-silting-doubts';

function exportButtons(transfer: ClaimTransfer): HTMLButtonElement[] {
  return [...shadowOf(transfer).querySelectorAll<HTMLButtonElement>('button[data-format]')];
}

function exportButton(transfer: ClaimTransfer, format: ExportFormat): HTMLButtonElement {
  const button = exportButtons(transfer).find((b) => b.dataset.format === format);
  if (!button) throw new Error(`No export button for ${format}.`);
  return button;
}

function fileInput(transfer: ClaimTransfer): HTMLInputElement {
  const input = shadowOf(transfer).querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('No file input in <claim-transfer>.');
  return input;
}

function reportOf(transfer: ClaimTransfer): HTMLElement | null {
  return shadowOf(transfer).querySelector<HTMLElement>('.report');
}

function transferIn(editor: ClaimEditor): ClaimTransfer {
  const transfer = shadowOf(editor).querySelector<ClaimTransfer>('claim-transfer');
  if (!transfer) throw new Error('No <claim-transfer> in the editor.');
  return transfer;
}

function flatText(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Picks `file` through the hidden input, as the file chooser would. */
function pick(transfer: ClaimTransfer, file: File) {
  const transferData = new DataTransfer();
  transferData.items.add(file);
  const input = fileInput(transfer);
  input.files = transferData.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function w3cFile(name: string, ...items: Json[]): File {
  return new File([w3cPage(...items)], name, { type: 'application/ld+json' });
}

/** One anchored, one re-anchored (stale position) and one orphaned annotation for the sample article. */
function mixedFile(name = 'x.jsonld'): File {
  return w3cFile(
    name,
    w3cAnnotation('https://notes.example.org/1', 'state-media-claim', STATE_CLAIM),
    w3cAnnotation('https://notes.example.org/2', 'Analyst opinion', ANALYST, { start: 0, end: ANALYST.length }),
    w3cAnnotation('https://notes.example.org/3', 'reported-fact', 'The desk removed this sentence before publication.'),
  );
}

async function articleEditor(): Promise<ClaimEditor> {
  const editor = await fixture<ClaimEditor>(
    `<claim-editor annotator="Desk reviewer">${WIRE_ARTICLE_HTML}</claim-editor>`,
  );
  await editor.updateComplete;
  return editor;
}

interface Download {
  name: string;
  href: string;
}

describe('<claim-transfer>', () => {
  describe('on its own', () => {
    it('lists the six export formats in the Export menu', async () => {
      const transfer = await fixture<ClaimTransfer>(html`<claim-transfer></claim-transfer>`);
      expect(flatText(shadowOf(transfer).querySelector('details > summary'))).to.equal('Export');
      const buttons = exportButtons(transfer);
      expect(buttons.map((b) => b.dataset.format)).to.deep.equal(FORMATS);
      for (const button of buttons) expect(flatText(button), button.dataset.format).to.not.equal('');
      expect(new Set(buttons.map((b) => flatText(b))).size, 'labels are distinct').to.equal(FORMATS.length);
    });

    it('fires claim-transfer-export with the format clicked, and closes the menu', async () => {
      const transfer = await fixture<ClaimTransfer>(html`<claim-transfer></claim-transfer>`);
      const menu = shadowOf(transfer).querySelector<HTMLDetailsElement>('details')!;
      for (const format of FORMATS) {
        const toggled = oneEvent(menu, 'toggle');
        shadowOf(transfer).querySelector<HTMLElement>('summary')!.click();
        await toggled;
        await transfer.updateComplete;
        expect(menu.open, 'menu opens').to.equal(true);
        const fired = oneEvent(transfer, 'claim-transfer-export');
        exportButton(transfer, format).click();
        const event = await fired;
        expect(event.detail).to.deep.equal({ format });
        await transfer.updateComplete;
        expect(menu.open, 'menu closes').to.equal(false);
      }
    });

    it('fires claim-transfer-import with the picked file', async () => {
      const transfer = await fixture<ClaimTransfer>(html`<claim-transfer></claim-transfer>`);
      const file = mixedFile();
      const fired = oneEvent(transfer, 'claim-transfer-import');
      pick(transfer, file);
      const event = await fired;
      expect(event.detail.file).to.equal(file);
    });

    it('disables Import when readonly, and accepts JSON and JSON-LD files', async () => {
      const transfer = await fixture<ClaimTransfer>(html`<claim-transfer readonly></claim-transfer>`);
      const importButton = [...shadowOf(transfer).querySelectorAll('button')].find((b) =>
        flatText(b).startsWith('Import'),
      )!;
      expect(importButton.disabled).to.equal(true);
      const accept = fileInput(transfer).accept;
      for (const type of ['.json', '.jsonld']) expect(accept).to.include(type);
    });

    it('shows the counts of a report, and the errors of a rejected one', async () => {
      const transfer = await fixture<ClaimTransfer>(html`<claim-transfer></claim-transfer>`);
      transfer.report = { added: 3, updated: 2, reanchored: 1, orphaned: 4, errors: [] };
      await transfer.updateComplete;
      const text = flatText(reportOf(transfer));
      for (const part of ['3 added', '2 updated', '1 re-anchored', '4 orphaned']) expect(text).to.include(part);

      transfer.report = {
        added: 0,
        updated: 0,
        reanchored: 0,
        orphaned: 0,
        errors: ['annotations[2].start: expected a whole number ≥ 0, got number -1.'],
      };
      await transfer.updateComplete;
      expect(flatText(reportOf(transfer))).to.match(/rejected/i);
      expect(flatText(reportOf(transfer))).to.include('annotations[2].start');
      expect(reportOf(transfer)!.getAttribute('role')).to.equal('alert');
    });

    it('asks what each unknown tag becomes, and imports the file again with the choices', async () => {
      const transfer = await fixture<ClaimTransfer>(html`<claim-transfer></claim-transfer>`);
      const file = mixedFile();
      const report: ImportReport = {
        added: 0,
        updated: 0,
        reanchored: 0,
        orphaned: 0,
        errors: ['Unknown tags'],
        unknownTags: ['Hearsay', 'Wire copy'],
      };
      transfer.file = file;
      transfer.report = report;
      await transfer.updateComplete;
      const selects = [...shadowOf(transfer).querySelectorAll<HTMLSelectElement>('.report select')];
      expect(selects.map((s) => s.name)).to.deep.equal(['tag:Hearsay', 'tag:Wire copy']);
      expect([...selects[0].options].map((o) => o.value)).to.deep.equal(['', ...DEFAULT_TAXONOMY.map((t) => t.id)]);
      expect([...selects[0].options].slice(1).map((o) => flatText(o))).to.deep.equal(
        DEFAULT_TAXONOMY.map((t) => t.label),
      );
      selects[0].value = 'analyst-opinion';
      selects[0].dispatchEvent(new Event('change', { bubbles: true }));
      const fired = oneEvent(transfer, 'claim-transfer-import');
      shadowOf(transfer).querySelector<HTMLButtonElement>('.report button[type="submit"]')!.click();
      const event = (await fired) as CustomEvent<TransferImportDetail>;
      expect(event.detail).to.deep.equal({ file, tagMap: { Hearsay: 'analyst-opinion' }, addTags: ['Wire copy'] });
    });
  });

  describe('inside <claim-editor>', () => {
    let downloads: Download[];
    const originalClick = HTMLAnchorElement.prototype.click;

    beforeEach(() => {
      downloads = [];
      HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
        if (this.hasAttribute('download')) downloads.push({ name: this.download, href: this.href });
        else originalClick.call(this);
      };
    });

    afterEach(() => {
      HTMLAnchorElement.prototype.click = originalClick;
    });

    async function annotated(): Promise<ClaimEditor> {
      const editor = await articleEditor();
      editor.addAnnotation({
        tag: 'state-media-claim',
        quote: STATE_CLAIM,
        source: 'State broadcaster',
        note: 'Aired twice.',
      });
      const opinion = editor.addAnnotation({ tag: 'analyst-opinion', quote: ANALYST });
      editor.updateAnnotation(opinion.id, { verdict: 'Disputed', source: 'Meridian Trade Institute' });
      editor.addAnnotation({ tag: 'reported-fact', quote: CROSSINGS });
      editor.reviewer = { name: 'Canal Desk Check', url: 'https://check.example/' };
      editor.reviewUrl = 'https://check.example/canal';
      await editor.updateComplete;
      return editor;
    }

    function gapPanel(transfer: ClaimTransfer): HTMLElement | null {
      return shadowOf(transfer).querySelector<HTMLElement>('.gaps');
    }

    it('says before a ClaimReview download which annotations lack what, and exports only complete reviews', async () => {
      const editor = await annotated();
      const transfer = transferIn(editor);
      const claim = editor.annotations.find((a) => a.quote === STATE_CLAIM)!;
      const crossings = editor.annotations.find((a) => a.quote === CROSSINGS)!;
      editor.updateAnnotation(claim.id, { verdict: 'False' });
      editor.updateAnnotation(crossings.id, { verdict: 'True' });
      editor.reviewUrl = undefined;
      await editor.updateComplete;
      exportButton(transfer, 'claimreview').click();
      await transfer.updateComplete;
      expect(downloads, 'nothing is downloaded before the user goes on').to.have.length(0);
      const panel = gapPanel(transfer)!;
      expect(panel.getAttribute('role')).to.equal('alert');
      const items = [...panel.querySelectorAll('li')];
      expect(items.map((li) => li.dataset.annotationId)).to.deep.equal(
        editor.annotations.filter((a) => a.verdict).map((a) => a.id),
      );
      for (const item of items) expect(flatText(item)).to.include('the review URL (review-url)');
      expect(flatText(items.find((li) => li.dataset.annotationId === crossings.id)!)).to.include('(source)');

      editor.reviewUrl = 'https://check.example/canal';
      await editor.updateComplete;
      exportButton(transfer, 'claimreview').click();
      await transfer.updateComplete;
      const left = [...gapPanel(transfer)!.querySelectorAll('li')].map((li) => li.dataset.annotationId);
      expect(left).to.deep.equal([crossings.id]);
      [...gapPanel(transfer)!.querySelectorAll('button')].find((b) => /complete reviews/.test(b.textContent!))!.click();
      await transfer.updateComplete;
      expect(gapPanel(transfer)).to.equal(null);
      expect(downloads).to.have.length(1);
      const data = JSON.parse(await (await fetch(downloads[0].href)).text()) as Json;
      expect(checkClaimReviewDocument(data)).to.deep.equal([]);
      const graph = data['@graph'] as { claimReviewed: string }[];
      expect(graph.map((review) => review.claimReviewed).sort()).to.deep.equal([ANALYST, STATE_CLAIM].sort());
    });

    it('downloads each format with a sensible file name, media type and content', async () => {
      const editor = await annotated();
      const transfer = transferIn(editor);
      for (const format of FORMATS) {
        exportButton(transfer, format).click();
        expect(downloads, `one download for ${format}`).to.have.length(1);
        const [{ name, href }] = downloads.splice(0);
        expect(name, format).to.match(new RegExp(`^${SLUG}-[a-z-]+\\${EXTENSIONS[format]}$`));
        expect(href.startsWith('blob:'), `${format} is offered as a blob URL`).to.equal(true);
        const response = await fetch(href);
        expect(response.headers.get('content-type')?.toLowerCase().replace(/\s/g, ''), format).to.equal(
          exportFormats[format].mediaType.toLowerCase(),
        );
        const content = await response.text();
        switch (format) {
          case 'html':
            expect(content.toLowerCase().startsWith('<!doctype html>')).to.equal(true);
            for (const a of editor.annotations) expect(content).to.include(`data-annotation-id="${a.id}"`);
            break;
          case 'html-fragment':
            expect(content).not.to.match(/<(html|head|body)[\s>]/i);
            for (const a of editor.annotations) expect(content).to.include(`data-annotation-id="${a.id}"`);
            break;
          case 'w3c': {
            const collection = JSON.parse(content) as Json;
            expect(collection.type).to.equal('AnnotationCollection');
            expect(collection.total).to.equal(3);
            expect(w3cModelErrors(collection)).to.deep.equal([]);
            break;
          }
          case 'json': {
            const file = JSON.parse(content) as Json;
            expect(file.annotations).to.deep.equal(editor.annotations);
            expect((file.document as Json).text).to.equal(editor.text);
            break;
          }
          case 'csv': {
            const rows = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
            expect(rows).to.have.length(1 + editor.annotations.length);
            expect(rows.slice(1).map((row) => row[0])).to.deep.equal(editor.annotations.map((a) => a.id));
            break;
          }
          case 'claimreview':
            expect(checkClaimReviewDocument(JSON.parse(content))).to.deep.equal([]);
            expect(content).to.include('Disputed');
            break;
        }
      }
    });

    it('gives every format its own file name', async () => {
      const editor = await annotated();
      const transfer = transferIn(editor);
      for (const format of FORMATS) exportButton(transfer, format).click();
      expect(new Set(downloads.map((d) => d.name)).size).to.equal(FORMATS.length);
    });

    it('imports a file picked through the hidden input and shows the report', async () => {
      const editor = await articleEditor();
      const transfer = transferIn(editor);
      pick(transfer, mixedFile('x.jsonld'));
      await until(() => reportOf(transfer) !== null, 'the import report');
      const text = flatText(reportOf(transfer));
      for (const part of ['3 added', '0 updated', '1 re-anchored', '1 orphaned']) expect(text, text).to.include(part);
      expect(editor.annotations.map((a) => a.status).sort()).to.deep.equal(['anchored', 'orphaned', 'reanchored']);
      await editor.updateComplete;
      const claim = editor.annotations.find((a) => a.quote === STATE_CLAIM)!;
      expect(marksOf(editor, claim.id).length).to.be.greaterThan(0);
      shadowOf(transfer).querySelector<HTMLButtonElement>('.report button')!.click();
      await transfer.updateComplete;
      expect(reportOf(transfer), 'dismissed').to.equal(null);
    });

    it('imports a file dropped on the article', async () => {
      const editor = await articleEditor();
      const dom = proseMirror(editor);
      const paragraph = dom.querySelector('p')!;
      const box = paragraph.getBoundingClientRect();
      const data = new DataTransfer();
      data.items.add(
        w3cFile('dropped.jsonld', w3cAnnotation('https://notes.example.org/d1', 'Analyst opinion', THIRD)),
      );
      const drop = new DragEvent('drop', {
        dataTransfer: data,
        bubbles: true,
        cancelable: true,
        composed: true,
        clientX: box.left + box.width / 2,
        clientY: box.top + box.height / 2,
      });
      const textBefore = editor.text;
      dom.dispatchEvent(drop);
      expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
      await until(() => editor.annotations.length === 1, 'the dropped file to be imported');
      expect(editor.annotations[0]).to.include({ tag: 'analyst-opinion', quote: THIRD, status: 'anchored' });
      expect(editor.text, 'the drop inserts no text').to.equal(textBefore);
      await until(() => reportOf(transferIn(editor)) !== null, 'the import report');
      expect(flatText(reportOf(transferIn(editor)))).to.include('1 added');
    });

    it('shows why a picked file was rejected, and fires claim-error', async () => {
      const editor = await articleEditor();
      const transfer = transferIn(editor);
      const errors = collectEvents<ClaimErrorDetail>(editor, 'claim-error');
      pick(transfer, new File(['{"type": "Annotation", '], 'broken.jsonld'));
      await until(() => reportOf(transfer) !== null, 'the import report');
      errors.stop();
      expect(flatText(reportOf(transfer))).to.match(/rejected/i);
      expect(flatText(reportOf(transfer))).to.match(/JSON/);
      expect(errors.details.map((d) => d.kind)).to.deep.equal(['import-rejected']);
      expect(editor.annotations).to.deep.equal([]);
    });

    it('rejects a picked file over 20 MiB without reading it into the editor', async () => {
      const editor = await articleEditor();
      const transfer = transferIn(editor);
      const errors = collectEvents<ClaimErrorDetail>(editor, 'claim-error');
      pick(transfer, new File([new Uint8Array(MAX_IMPORT_BYTES + 1024)], 'huge.json'));
      await until(() => reportOf(transfer) !== null, 'the import report');
      errors.stop();
      expect(flatText(reportOf(transfer))).to.match(/MiB/);
      expect(errors.details.map((d) => d.kind)).to.deep.equal(['import-rejected']);
      expect(editor.annotations).to.deep.equal([]);
    });

    it('asks about an unknown tag, and imports with the tag chosen', async () => {
      const editor = await articleEditor();
      const transfer = transferIn(editor);
      pick(
        transfer,
        w3cFile(
          'other-tool.jsonld',
          w3cAnnotation('https://notes.example.org/h1', 'Hearsay', THIRD),
          w3cAnnotation('https://notes.example.org/h2', 'Reported fact', CROSSINGS),
        ),
      );
      await until(() => shadowOf(transfer).querySelector('.report select') !== null, 'the unknown-tag form');
      expect(editor.annotations, 'nothing imported yet').to.deep.equal([]);
      const select = shadowOf(transfer).querySelector<HTMLSelectElement>('.report select')!;
      expect(select.name).to.equal('tag:Hearsay');
      expect(flatText(reportOf(transfer))).to.include('Hearsay');
      select.value = 'analyst-opinion';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      shadowOf(transfer).querySelector<HTMLButtonElement>('.report button[type="submit"]')!.click();
      await until(() => editor.annotations.length === 2, 'the import with the chosen tag');
      expect(editor.annotations.map((a) => [a.quote, a.tag])).to.deep.equal([
        [THIRD, 'analyst-opinion'],
        [CROSSINGS, 'reported-fact'],
      ]);
      expect(editor.taxonomy).to.deep.equal(DEFAULT_TAXONOMY);
      await until(
        () => shadowOf(transfer).querySelector('.report select') === null,
        'the form to give way to the report',
      );
      expect(flatText(reportOf(transfer))).to.include('2 added');
    });

    it('adds an unknown tag to the taxonomy when "a new tag" is chosen', async () => {
      const editor = await articleEditor();
      const transfer = transferIn(editor);
      pick(
        transfer,
        w3cFile('other-tool.jsonld', w3cAnnotation('https://notes.example.org/w1', 'wire-copy', STATE_CLAIM)),
      );
      await until(() => shadowOf(transfer).querySelector('.report select') !== null, 'the unknown-tag form');
      shadowOf(transfer).querySelector<HTMLButtonElement>('.report button[type="submit"]')!.click();
      await until(() => editor.annotations.length === 1, 'the import with a new tag');
      expect(editor.annotations[0].tag).to.equal('wire-copy');
      expect(editor.taxonomy.map((t) => t.id)).to.include('wire-copy');
    });

    it('cancelling the unknown-tag form imports nothing', async () => {
      const editor = await articleEditor();
      const transfer = transferIn(editor);
      pick(transfer, w3cFile('other-tool.jsonld', w3cAnnotation('https://notes.example.org/c1', 'Hearsay', THIRD)));
      await until(() => shadowOf(transfer).querySelector('.report select') !== null, 'the unknown-tag form');
      const cancel = [...shadowOf(transfer).querySelectorAll<HTMLButtonElement>('.report button')].find((b) =>
        /cancel/i.test(flatText(b)),
      )!;
      cancel.click();
      await transfer.updateComplete;
      expect(reportOf(transfer)).to.equal(null);
      expect(editor.annotations).to.deep.equal([]);
    });
  });
});
