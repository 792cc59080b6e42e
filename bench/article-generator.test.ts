import { expect } from '@open-wc/testing';
import { generateArticle } from './article-generator.js';
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

  it('measures storage writes per annotation change on a tiny article', async () => {
    const result = await measureStorageWrites(2, document.body);
    expect(result.paragraphs).to.equal(2);
    expect(result.annotations).to.be.greaterThan(5);
    // One tag and one edit of it: two writes of one annotation record each.
    expect(result.records).to.equal(2);
    expect(result.bytes).to.be.greaterThan(0);
  });
});
