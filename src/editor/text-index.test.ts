import { expect } from '@open-wc/testing';
import { parseArticleHTML } from './article.js';
import { TextIndex } from './text-index.js';

describe('TextIndex', () => {
  const doc = parseArticleHTML(
    '<h2>Title</h2><p>One <em>two</em><br>three 🙂 北京</p><blockquote><p>Quoted.</p></blockquote><ul><li><p>Item</p></li></ul>',
  );
  const index = TextIndex.of(doc);

  it('joins textblocks with "\\n", a line break counting as one character', () => {
    expect(index.text).to.equal('Title\nOne two\nthree 🙂 北京\nQuoted.\nItem');
  });

  it('gives every slice and the length from its blocks, without joining the whole text', () => {
    const fresh = TextIndex.of(
      parseArticleHTML(
        '<h2>Title</h2><p>One <em>two</em><br>three 🙂 北京</p><blockquote><p>Quoted.</p></blockquote><ul><li><p>Item</p></li></ul>',
      ),
    );
    const text = index.text;
    expect(fresh.length).to.equal(text.length);
    for (let start = 0; start <= text.length + 1; start++) {
      for (let end = start; end <= text.length + 2; end++) {
        expect(fresh.slice(start, end), `${start}–${end}`).to.equal(text.slice(start, end));
      }
    }
  });

  it('round-trips every offset through document positions', () => {
    for (let offset = 0; offset <= index.text.length; offset++) {
      const pos = index.offsetToPos(offset, 'end');
      expect(index.posToOffset(pos), `offset ${offset}`).to.equal(offset);
    }
  });

  it('maps offsets to the positions whose text they index, emoji and CJK included', () => {
    for (const needle of ['two', '🙂', '北京', 'Quoted.', 'Item']) {
      const start = index.text.indexOf(needle);
      const from = index.offsetToPos(start, 'start');
      const to = index.offsetToPos(start + needle.length, 'end');
      expect(doc.textBetween(from, to)).to.equal(needle);
    }
  });

  it('puts an offset on a block separator at the start of the next block with bias "start"', () => {
    const separator = 'Title'.length;
    expect(index.offsetToPos(separator, 'start')).to.equal(index.blocks[1].pos);
    expect(index.offsetToPos(separator, 'end')).to.equal(index.blocks[0].pos + 5);
  });

  it('is computed once per document', () => {
    expect(TextIndex.of(doc)).to.equal(index);
  });
});
