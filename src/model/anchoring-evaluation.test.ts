import { expect } from '@open-wc/testing';
import { ARTICLE, build, CHANGES, evaluateCorpus } from '../test-support/anchoring-corpus.js';

describe('Anchorer: evaluation corpus (issue 18)', () => {
  it('builds the corpus as described: every kind of change, a boilerplate sentence closing three paragraphs', () => {
    const { text } = build(ARTICLE);
    expect(text.split('Officials declined to comment.').length - 1).to.equal(3);
    expect(ARTICLE.filter((p) => p.at(-1)!.text === 'Officials declined to comment.').length).to.equal(3);
    expect(CHANGES.length).to.equal(17);
    for (const change of CHANGES) expect(build(change.after).text, change.kind).to.not.equal(build(change.before).text);
  });

  it('makes no wrong match and misses at most 1% of the annotations', () => {
    const { kinds, total } = evaluateCorpus();
    const rows = kinds.map(
      ({ kind, right, wrong, missed }) =>
        `${kind.padEnd(36)} ${String(right).padStart(5)} ${String(wrong).padStart(5)} ${String(missed).padStart(6)}`,
    );
    console.log(
      [
        `${'kind of change'.padEnd(36)} right wrong missed`,
        ...rows,
        `${'total'.padEnd(36)} ${String(total.right).padStart(5)} ${String(total.wrong).padStart(5)} ${String(total.missed).padStart(6)}`,
        ...kinds.flatMap((k) => k.failures.map((f) => `  ${k.kind}: ${f}`)),
      ].join('\n'),
    );
    const annotations = total.right + total.wrong + total.missed;
    expect(annotations).to.be.at.least(300);
    expect(total.wrong, kinds.flatMap((k) => k.failures).join('; ')).to.equal(0);
    expect(total.missed / annotations).to.be.at.most(0.01);
  });
});
