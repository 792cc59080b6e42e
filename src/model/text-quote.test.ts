import { expect } from '@open-wc/testing';
import { findQuote } from './text-quote.js';

describe('findQuote', () => {
  const text = 'The agency said it. Analysts doubt it. The agency said it again.';

  it('finds the first occurrence without context', () => {
    expect(findQuote(text, 'The agency said it')).to.deep.equal({ start: 0, end: 18 });
  });

  it('picks the occurrence whose suffix fits', () => {
    expect(findQuote(text, 'The agency said it', undefined, ' again')?.start).to.equal(39);
  });

  it('picks the occurrence whose prefix fits', () => {
    expect(findQuote(text, 'The agency said it', 'doubt it. ')?.start).to.equal(39);
  });

  it('returns undefined for a missing or empty quote', () => {
    expect(findQuote(text, 'not there')).to.equal(undefined);
    expect(findQuote(text, '')).to.equal(undefined);
  });
});
