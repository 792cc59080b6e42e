import { expect } from '@open-wc/testing';
import { generateArticle } from './article-generator.js';
import { benchFixture } from './bench-fixture.js';
import { createSubject, saveFixture, type Side } from './measurements.js';
import { measureStorageWrites } from './measure-storage.js';
import '../src/define.js';

describe('bench', () => {
  it('generates the same news-like article for the same size and seed', () => {
    const a = generateArticle(3);
    expect(a).to.deep.equal(generateArticle(3));
    expect(a.paragraphs).to.equal(3);
    expect(a.sentences).to.be.within(12, 18);
    expect(a.html.match(/<p>/g)).to.have.length(3);
  });

  it('annotates every sentence, a tenth of them running into the next one', () => {
    const fixture = benchFixture(6);
    const { annotations, text } = fixture;
    expect(annotations.length).to.be.within(24, 36);
    for (const a of annotations) expect(text.slice(a.start, a.end)).to.equal(a.quote);
    const overlapping = annotations.filter((a, i) => annotations[i + 1] && a.end > annotations[i + 1].start);
    expect(overlapping.length).to.equal(Math.floor((annotations.length - 1) / 10));
    expect(JSON.parse(fixture.json).annotations).to.have.length(annotations.length);
  });

  it('measures storage writes per annotation change on a tiny article', async () => {
    const result = await measureStorageWrites(2, document.body);
    expect(result.paragraphs).to.equal(2);
    expect(result.annotations).to.be.greaterThan(5);
    // One tag and one edit of it: two writes, each of one annotation record and its document's write count.
    expect(result.records).to.equal(4);
    expect(result.bytes).to.be.greaterThan(0);
  });

  for (const side of ['product', 'baseline'] as Side[]) {
    it(`runs every measurement on the ${side} side of a tiny article`, async () => {
      const area = document.createElement('div');
      document.body.append(area);
      const fixture = benchFixture(4);
      const dbNames = { product: `bench-test-${crypto.randomUUID()}`, baseline: `bench-test-${crypto.randomUUID()}` };
      try {
        await saveFixture(area, fixture, dbNames);
        const fromStorage = createSubject(side, area, fixture);
        expect(await fromStorage.loadFromStorage(dbNames[side]))
          .to.be.a('number')
          .and.to.be.at.least(0);
        fromStorage.dispose();

        const subject = createSubject(side, area, fixture);
        expect(await subject.load()).to.be.at.least(0);
        if ('setMode' in subject) await subject.setMode('edit');
        await subject.placeCaret(2);
        expect(await subject.keystroke()).to.be.at.least(0);
        if ('setMode' in subject) await subject.setMode('annotate');
        await subject.placeCaret(1, 0.3);
        await subject.nextSentence();
        expect(await subject.tag()).to.be.at.least(0);
        const scroll = await subject.scrollList();
        expect(scroll.frames).to.be.at.least(1);
        expect(subject.exportAs('w3c').length).to.be.greaterThan(0);
        expect(subject.exportAs('html').length).to.be.greaterThan(0);
        await subject.importJson(fixture.json);
        subject.dispose();
      } finally {
        area.remove();
        for (const name of Object.values(dbNames)) indexedDB.deleteDatabase(name);
      }
    });
  }
});
