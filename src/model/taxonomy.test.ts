import { expect } from '@open-wc/testing';
import { DEFAULT_TAXONOMY, isSafeColor, validateTaxonomy, withAddedTags } from './taxonomy.js';

describe('validateTaxonomy', () => {
  it('accepts the default taxonomy and keeps only known fields', () => {
    expect(validateTaxonomy(DEFAULT_TAXONOMY)).to.deep.equal(DEFAULT_TAXONOMY);
    const extra = { id: 'x', label: 'X', onclick: 'alert(1)' } as unknown as { id: string; label: string };
    expect(validateTaxonomy([extra])[0]).to.deep.equal({ id: 'x', label: 'X' });
  });

  it('refuses ids unfit for selectors, duplicate ids or keys, and empty labels', () => {
    expect(() => validateTaxonomy([{ id: 'a"]{}', label: 'A' }])).to.throw(/id must be/);
    expect(() =>
      validateTaxonomy([
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ]),
    ).to.throw(/two tags with id "a"/);
    expect(() =>
      validateTaxonomy([
        { id: 'a', label: 'A', key: '1' },
        { id: 'b', label: 'B', key: '1' },
      ]),
    ).to.throw(/key "1"/);
    expect(() => validateTaxonomy([{ id: 'a', label: ' ' }])).to.throw(/label/);
    expect(() => validateTaxonomy([])).to.throw(/non-empty/);
  });

  it('refuses colours that could inject CSS', () => {
    for (const color of ['#b3261e', 'rebeccapurple', 'rgb(10, 20, 30)', 'hsl(120 50% 40% / 0.5)']) {
      expect(isSafeColor(color), color).to.equal(true);
    }
    for (const color of [
      'red; background: url(https://evil.example)',
      'url(x)',
      'red}*{display:none',
      'expression(alert(1))',
    ]) {
      expect(isSafeColor(color), color).to.equal(false);
      expect(() => validateTaxonomy([{ id: 'a', label: 'A', color }])).to.throw(/color/);
    }
  });
});

describe('withAddedTags', () => {
  it('adds only unknown tags, with the label, colour and free key the file describes', () => {
    const described = [{ id: 'rumour', label: 'Rumour', color: '#123456', key: '1' }];
    const taxonomy = withAddedTags(DEFAULT_TAXONOMY, described, ['rumour', 'Reported fact', 'two words']);
    expect(taxonomy.slice(3)).to.deep.equal([
      { id: 'rumour', label: 'Rumour', color: '#123456' },
      {
        id: `tag-${[...'two words'].map((c) => c.codePointAt(0)!.toString(36)).join('')}`.slice(0, 44),
        label: 'two words',
      },
    ]);
    expect(withAddedTags(DEFAULT_TAXONOMY, undefined, ['reported-fact'])).to.equal(DEFAULT_TAXONOMY);
  });
});
