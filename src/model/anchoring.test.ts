import { expect } from '@open-wc/testing';
import { Anchorer, anchorQuote, type AnchorTarget } from './anchoring.js';
import { CONTEXT_LENGTH } from './annotation.js';

/** Invented wire copy; nothing here is real reporting. */
const S1 = 'The defence ministry said the drills near the border ended on Friday.';
const S2 = 'A researcher at the Baltic Security Forum said the exercise was routine.';
const S3 = 'Satellite images showed at least forty vehicles at the site.';
const S4 = 'Officials declined to comment on the number of troops.';
const ARTICLE = [`${S1} ${S2}`, `${S3} ${S4}`].join('\n');

/** What an annotation of the `occurrence`-th `quote` in `text` remembers. */
function targetIn(text: string, quote: string, occurrence = 0): AnchorTarget {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(quote, start + 1);
    if (start < 0) throw new Error(`Occurrence ${occurrence} of ${JSON.stringify(quote)} is not in the text.`);
  }
  const end = start + quote.length;
  return {
    start,
    end,
    quote,
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/** Start offset of the `occurrence`-th `needle` in `text`. */
function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`Occurrence ${occurrence} of ${JSON.stringify(needle)} is not in the text.`);
  }
  return at;
}

describe('anchorQuote', () => {
  describe('exact', () => {
    it('is anchored where the offsets still hold the quote', () => {
      const target = targetIn(ARTICLE, S3);
      expect(anchorQuote(ARTICLE, target)).to.deep.equal({ status: 'anchored', start: target.start, end: target.end });
    });

    it('is anchored after edits elsewhere that leave its offsets alone', () => {
      const target = targetIn(ARTICLE, S1);
      const edited = ARTICLE.replace(S4, 'Officials would not say how many troops took part.');
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'anchored', start: target.start, end: target.end });
    });

    it('is reanchored when text is inserted before it', () => {
      const target = targetIn(ARTICLE, S3);
      const edited = `Updated at 14:00 with the ministry's statement.\n${ARTICLE}`;
      const start = offsetOf(edited, S3);
      expect(start).to.not.equal(target.start);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + S3.length });
    });

    it('is reanchored when text before it is deleted', () => {
      const target = targetIn(ARTICLE, S4);
      const edited = ARTICLE.replace(`${S1} `, '');
      const start = offsetOf(edited, S4);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + S4.length });
    });

    it('is reanchored when its sentence moves to another paragraph', () => {
      const target = targetIn(ARTICLE, S2);
      const edited = [S1, `${S3} ${S4} ${S2}`].join('\n');
      const start = offsetOf(edited, S2);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + S2.length });
    });

    it('is reanchored when the text shrinks so that its offsets fall outside it', () => {
      const target = targetIn(ARTICLE, S4);
      const edited = S4;
      expect(target.end).to.be.greaterThan(edited.length);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start: 0, end: S4.length });
    });

    it('reanchors a quote of under 12 characters when it is still there exactly', () => {
      const text = 'Mr Ahn denied it. Nobody else spoke.';
      const target = targetIn(text, 'Mr Ahn denied');
      const edited = `Late update. ${text}`;
      expect(anchorQuote(edited, target)).to.deep.equal({
        status: 'reanchored',
        start: 13,
        end: 13 + 'Mr Ahn denied'.length,
      });
    });

    it('picks, of two exact occurrences, the one whose prefix fits, even when the other is nearer', () => {
      const quote = 'the agency said';
      const first = `Prices rose in the capital, ${quote} on Monday.`;
      const filler =
        ' Bakeries reported queues before dawn, and several markets closed early as stocks of flour ran out.';
      const second = ` Wages fell in the provinces, ${quote} on Monday.`;
      const original = first + filler + second;
      const target = targetIn(original, quote, 1);
      // Text inserted at the top puts the FIRST occurrence just 3 characters from the old offset.
      const shift = target.start - offsetOf(original, quote, 0) - 3;
      const edited = 'x'.repeat(shift - 1) + '\n' + original;
      const wrong = offsetOf(edited, quote, 0);
      const right = offsetOf(edited, quote, 1);
      expect(Math.abs(wrong - target.start)).to.be.lessThan(Math.abs(right - target.start));
      expect(anchorQuote(edited, target)).to.deep.equal({
        status: 'reanchored',
        start: right,
        end: right + quote.length,
      });
    });

    it('picks, of two exact occurrences, the one whose suffix fits, even when the other is nearer', () => {
      const quote = 'Ministry spokesman Jo Han-sol said';
      const talks = `${quote} the talks would resume in autumn.`;
      const harbour = `${quote} the harbour would stay closed.`;
      const filler = ' Delegates left the hall without comment, and the afternoon session was cancelled.';
      const original = talks + filler + ' ' + harbour;
      const target = targetIn(original, quote, 0);
      // The paragraphs swapped places, under a dateline: the WRONG occurrence now sits 7 characters from the old
      // offset.
      const edited = `Seoul. ${harbour}${filler} ${talks}`;
      const wrong = offsetOf(edited, quote, 0);
      const right = offsetOf(edited, quote, 1);
      expect(edited.slice(right + quote.length).startsWith(' the talks would resume in autumn')).to.equal(true);
      expect(Math.abs(wrong - target.start)).to.be.lessThan(Math.abs(right - target.start));
      expect(anchorQuote(edited, target)).to.deep.equal({
        status: 'reanchored',
        start: right,
        end: right + quote.length,
      });
    });

    it('never confidently picks the far copy of a sentence duplicated with identical context', () => {
      const paragraph =
        'Markets were calm. The central bank held its key rate at 3.5 percent. Traders expected no change.';
      const quote = 'The central bank held its key rate at 3.5 percent.';
      const original = [paragraph, paragraph, paragraph, paragraph].join('\n');
      const target = targetIn(original, quote, 1);
      const edited = `Correction appended. ${original}`;
      const near = offsetOf(edited, quote, 1);
      const far = offsetOf(edited, quote, 2);
      // The copies' 32-character contexts really are identical.
      expect(edited.slice(near - CONTEXT_LENGTH, near)).to.equal(edited.slice(far - CONTEXT_LENGTH, far));
      expect(edited.slice(near + quote.length, near + quote.length + CONTEXT_LENGTH)).to.equal(
        edited.slice(far + quote.length, far + quote.length + CONTEXT_LENGTH),
      );
      const result = anchorQuote(edited, target);
      if (result.status === 'orphaned') return;
      expect(result).to.deep.equal({ status: 'reanchored', start: near, end: near + quote.length });
    });

    it('orphans an empty quote', () => {
      expect(anchorQuote(ARTICLE, { start: 0, end: 0, quote: '', prefix: '', suffix: '' })).to.deep.equal({
        status: 'orphaned',
      });
    });
  });

  describe('approximate', () => {
    const SIXTY = 'The port authority said container traffic rose sharply in May.';
    const BEFORE = 'Cranes at the eastern terminal were repaired last week.';
    const AFTER = 'Shipping lines have added two weekly calls.';
    const PORT = `${BEFORE} ${SIXTY} ${AFTER}`;

    it('reanchors a sentence with one word changed at the reworded sentence', () => {
      expect(SIXTY.length).to.be.within(55, 65);
      const target = targetIn(PORT, SIXTY);
      const reworded = SIXTY.replace('sharply', 'steeply');
      const edited = `${BEFORE} ${reworded} ${AFTER}`;
      const start = offsetOf(edited, reworded);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + reworded.length });
    });

    it('reanchors a slightly reworded sentence that also moved', () => {
      const target = targetIn(PORT, SIXTY);
      const reworded = SIXTY.replace('authority said', 'authority says');
      const edited = `Dockworkers ended a two-day strike on Tuesday.\n${BEFORE}\n${AFTER} ${reworded}`;
      const start = offsetOf(edited, reworded);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + reworded.length });
    });

    it('reanchors a one-character typo fix in a long quote', () => {
      const typo = 'The port authoritiy said container traffic rose sharply in May.';
      const original = `${BEFORE} ${typo} ${AFTER}`;
      const target = targetIn(original, typo);
      const start = offsetOf(PORT, SIXTY);
      expect(anchorQuote(PORT, target)).to.deep.equal({ status: 'reanchored', start, end: start + SIXTY.length });
    });

    it('orphans a deleted long sentence rather than take a near-identical one elsewhere', () => {
      const target = targetIn(PORT, SIXTY);
      const lookalike = SIXTY.replace('in May.', 'in early June.');
      const edited = `${BEFORE} ${AFTER}\nDockworkers ended a two-day strike on Tuesday. ${lookalike}`;
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'orphaned' });
    });

    it('keeps the changed last word inside a reworded sentence', () => {
      const target = targetIn(PORT, SIXTY);
      const reworded = SIXTY.replace('in May.', 'in Mai.');
      const edited = `${BEFORE} ${reworded} ${AFTER}`;
      const start = offsetOf(edited, reworded);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + reworded.length });
    });

    it('orphans a heavily reworded sentence', () => {
      const target = targetIn(PORT, SIXTY);
      const edited = `${BEFORE} Harbour officials reported that box volumes climbed fast last month. ${AFTER}`;
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'orphaned' });
    });

    it('orphans a deleted sentence', () => {
      const target = targetIn(PORT, SIXTY);
      expect(anchorQuote(`${BEFORE} ${AFTER}`, target)).to.deep.equal({ status: 'orphaned' });
    });

    it('orphans a sentence cut down to a fragment', () => {
      const target = targetIn(PORT, SIXTY);
      expect(anchorQuote(`${BEFORE} The port authority said traffic rose. ${AFTER}`, target)).to.deep.equal({
        status: 'orphaned',
      });
    });

    it('orphans a short quote (under 12 characters) that is not found exactly', () => {
      const text = 'Lee denied the claim on Sunday. The party stood by it.';
      const target = targetIn(text, 'Lee denied');
      expect(target.quote.length).to.be.lessThan(12);
      const edited = 'Lee denies the claim on Sunday. The party stood by it.';
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'orphaned' });
    });

    it('does not match a similar sentence elsewhere, without matching context, to a deleted short-ish quote', () => {
      const quote = 'Exports to the north fell, he said.';
      expect(quote.length).to.be.within(12, 39);
      const original = [
        `Trade officials met in the morning. ${quote} The meeting ended at noon.`,
        'Farmers protested outside the customs office. Exports to the south fell, he said. Police watched from a distance.',
      ].join('\n');
      const target = targetIn(original, quote);
      const edited = [
        'Trade officials met in the morning. The meeting ended at noon.',
        'Farmers protested outside the customs office. Exports to the south fell, he said. Police watched from a distance.',
      ].join('\n');
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'orphaned' });
    });
  });

  describe('UTF-16 offsets (emoji and CJK)', () => {
    it('reanchors after emoji are inserted before the quote, counting UTF-16 code units', () => {
      const quote = 'Crowds cheered as the ferry docked.';
      const original = `🚢 Arrival day. ${quote} Rain followed.`;
      const target = targetIn(original, quote);
      const edited = `🌊🌊 Weather note. 🚢 Arrival day. ${quote} Rain followed.`;
      const start = edited.indexOf(quote);
      const result = anchorQuote(edited, target);
      expect(result).to.deep.equal({ status: 'reanchored', start, end: start + quote.length });
      if (result.status !== 'orphaned') expect(edited.slice(result.start, result.end)).to.equal(quote);
    });

    it('is anchored with emoji inside and before the quote when nothing moved', () => {
      const quote = 'Fans waved 🇰🇷 flags and 🎉 banners at the gate.';
      const text = `Match report 🏟️. ${quote} The stadium emptied by ten.`;
      const target = targetIn(text, quote);
      expect(anchorQuote(text, target)).to.deep.equal({ status: 'anchored', start: target.start, end: target.end });
      expect(target.end - target.start).to.equal(quote.length);
    });

    it('reanchors a moved CJK quote at its UTF-16 offset', () => {
      const quote = '外交部发言人表示会谈将于下周恢复。';
      const original = `新华社报道。${quote}分析人士对此表示怀疑。`;
      const target = targetIn(original, quote);
      const edited = `【更新】😀首尔消息。${original}`;
      const start = edited.indexOf(quote);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + quote.length });
    });

    it('reanchors a CJK sentence with one character changed, keeping its context', () => {
      const quote = '北京市政府表示新机场将于明年春季开放。';
      const before = '据官方媒体报道，';
      const after = '但多位专家认为时间表过于乐观。';
      const target = targetIn(`${before}${quote}${after}`, quote);
      const reworded = quote.replace('春季', '夏季');
      const edited = `🛫 ${before}${reworded}${after}`;
      const start = edited.indexOf(reworded);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + reworded.length });
    });

    it('reanchors a quote with an astral-plane emoji after a one-word change', () => {
      const quote = 'Volunteers handed out 🍞 bread and water to the stranded drivers.';
      const before = 'Snow closed the mountain pass overnight. ';
      const target = targetIn(`${before}${quote} Ploughs arrived at six.`, quote);
      const reworded = quote.replace('stranded', 'stuck');
      const edited = `⛄ ${before}${reworded} Ploughs arrived at six.`;
      const start = edited.indexOf(reworded);
      expect(anchorQuote(edited, target)).to.deep.equal({ status: 'reanchored', start, end: start + reworded.length });
    });
  });
});

describe('anchorQuote: approximate matches never cut a word', () => {
  it('orphans a reworded sentence rather than start the match inside the sentence before it', () => {
    // Found by the planImport property test: "Zürich" reworded to "the".
    const text =
      'ᕎ𓉈𒿕 [S0].\n분석가 [S1] <b> 조선중앙통신. the “exactly” Paulo [S2] Zürich 発表 report said 𑘐Ꮐﺣ. [S3] 通信社.';
    const result = anchorQuote(text, {
      start: 33,
      end: 88,
      quote: 'Zürich “exactly” Paulo [S2] Zürich 発表 report said 𑘐Ꮐﺣ.',
      prefix: '𓉈𒿕 [S0].\n분석가 [S1] <b> 조선중앙통신. ',
      suffix: ' [S3] 通信社 Paulo figures 発表 𖩶𒁨n',
    });
    if (result.status !== 'orphaned') expect(text.slice(result.start, result.end).startsWith('the ')).to.equal(true);
  });

  it("does not start on the previous sentence's full stop when the quote starts with a word", () => {
    // Found by the planImport property test: the first word reworded to "4.5%".
    const text = '[S2] “exactly” 発表. 4.5% officials 𘬠𛂑え⢧ 発表 ⽕៖Ꝣᜦ𖪚 “exactly” said [S0]. [S1] ۼ &amp; rose.';
    const quote = '조선중앙통신 officials 𘬠𛂑え⢧ 発表 ⽕៖Ꝣᜦ𖪚 “exactly” said [S0]';
    const result = anchorQuote(text, {
      start: 0,
      end: 53,
      quote,
      prefix: '',
      suffix: '. [S1] ۼ &amp; rose. [S2] “exact',
    });
    // Its first word changed and nothing before it agrees any more: orphaned is fair, a wrong start is not.
    const start = text.indexOf('4.5%');
    if (result.status !== 'orphaned')
      expect(result).to.deep.equal({ status: 'reanchored', start, end: text.indexOf('[S0]') + 4 });
  });

  it('keeps an emoji and an astral letter at the start of a reworded sentence', () => {
    // Found by the planImport property test: "U.S." reworded to a flag emoji.
    const text = '🇰🇵 𐩭 [S0] fell 通信社 𑀦ጱᢔԉ 🇰🇵 発表 👩‍👩‍👧. &amp; [S1] ꃌﷰËご 분석가 4.5% port.';
    const quote = 'U.S. 𐩭 [S0] fell 通信社 𑀦ጱᢔԉ 🇰🇵 発表 👩‍👩‍👧.';
    const result = anchorQuote(text, {
      start: 0,
      end: 45,
      quote,
      prefix: '',
      suffix: ' &amp; [S1] ꃌﷰËご 분석가 4.5% port. ',
    });
    expect(result).to.deep.equal({ status: 'reanchored', start: 0, end: text.indexOf(' &amp;') });
  });

  it('never starts inside an astral character of the sentence before', () => {
    // Found by the planImport property test: "U.S." reworded to a dash.
    const text = 'a&b > 🇰🇵 [S0] 조선중앙통신 <b> U.S. ꛓ𝁳𝼥ᱭŪ𛰴. — &amp; 𒌳⇏♔𘯋𐩇 4.5% the [S1] 発表.\nport Paulo [S2].';
    const quote = 'U.S. &amp; 𒌳⇏♔𘯋𐩇 4.5% the [S1]';
    const result = anchorQuote(text, {
      start: 44,
      end: 78,
      quote,
      prefix: 'S0] 조선중앙통신 <b> U.S. ꛓ𝁳𝼥ᱭŪ𛰴. ',
      suffix: ' 発表.\nport Paulo [S2]. 🂽ꙟ report',
    });
    if (result.status !== 'orphaned') expect(result.start).to.be.at.least(text.indexOf('—'));
  });

  it('does not take in the end of the sentence before when the first word is reworded', () => {
    // Found by the planImport property test: "조선중앙통신" reworded to "平壤", after a sentence ending in "U.S.".
    const text =
      '&amp; [S1] figures 🨩ſ. rose 🚀 ˵ᵝ a&b cargo 発表 [S2] “exactly” U.S.. 平壤 ސ⏾𐺠 분석가 "quoted" “exactly” [S3] “exactly” said.\n👩‍👩‍👧 通信社 U.S. 𐔌 [S4] cargo.';
    const quote = '조선중앙통신 ސ⏾𐺠 분석가 "quoted" “exactly” [S3] “exactly” said.';
    const result = anchorQuote(text, {
      start: 107,
      end: 162,
      quote,
      prefix: 'b cargo 発表 [S2] “exactly” U.S.. ',
      suffix: '\n👩‍👩‍👧 通信社 U.S. 𐔌 [S4] cargo',
    });
    if (result.status !== 'orphaned') {
      expect(text.slice(result.start, result.end)).to.equal('平壤 ސ⏾𐺠 분석가 "quoted" “exactly” [S3] “exactly” said.');
    }
  });

  it('does not run on into the next sentence when the last words are reworded', () => {
    const text =
      'The port authority said on Monday that grain exports rose sharply this year. Officials declined to comment.';
    const quote = 'The port authority said on Monday that grain exports rose sharply in spring.';
    const result = anchorQuote(text, {
      start: 0,
      end: quote.length,
      quote,
      prefix: '',
      suffix: ' Officials declined to comment.',
    });
    if (result.status !== 'orphaned') expect(text.slice(result.start, result.end)).to.not.include('Officials');
  });
});

describe('Anchorer: the cases of issue 18', () => {
  const BEFORE = 'Freight rates on the northern corridor fell for a third month in a row.';
  const LONG =
    'Some analysts think the state grain board will have to lower its purchase price before the autumn harvest, because private traders, who now buy almost half of the crop directly from farmers at the gate, have been offering cash, faster payment and transport, the agency said.';
  const AFTER = 'The grain board did not reply to a request for comment.';
  const original = `${BEFORE} ${LONG} ${AFTER}`;

  function expectAt(edited: string, sentence: string, target: AnchorTarget) {
    const start = offsetOf(edited, sentence);
    expect(new Anchorer(edited).anchor(target)).to.deep.equal({
      status: 'reanchored',
      start,
      end: start + sentence.length,
    });
  }

  it('finds a long sentence whose opening words were reworded', () => {
    expect(LONG.length).to.be.within(250, 320);
    const reworded = LONG.replace('Some analysts', 'Several analysts');
    expectAt(`${BEFORE} ${reworded} ${AFTER}`, reworded, targetIn(original, LONG));
  });

  it('finds a long sentence whose closing words were reworded', () => {
    const reworded = LONG.replace('the agency said.', 'the agency reported.');
    expectAt(`${BEFORE} ${reworded} ${AFTER}`, reworded, targetIn(original, LONG));
  });

  it('finds a long sentence with a clause of about 70 characters removed', () => {
    const clause = ', who now buy almost half of the crop directly from farmers at the gate,';
    expect(clause.length).to.be.within(60, 80);
    const cut = LONG.replace(clause, '');
    expectAt(`${BEFORE} ${cut} ${AFTER}`, cut, targetIn(original, LONG));
  });

  it('finds a sentence with a clause inserted just after its first words, a third of its length', () => {
    const short = 'The city council must approve the new fares at its meeting on March 20.';
    const text = `${BEFORE}\n${short} ${AFTER}`;
    const grown = short.replace('council must', 'council, which has 45 members, must');
    expect(grown.length - short.length).to.be.within(short.length / 4, short.length / 3);
    expectAt(`${BEFORE}\n${grown} ${AFTER}`, grown, targetIn(text, short));
  });

  it('finds a sentence with a clause inserted near its end, a third of its length', () => {
    const short = 'The audit office found that a third of buses ran late, up from a fifth a year earlier.';
    const text = `${BEFORE}\n${short} ${AFTER}`;
    const grown = short.replace('late, up', 'late, the report said on Monday, up');
    expect(grown.length - short.length).to.be.within(short.length / 4, short.length / 3);
    expectAt(`${BEFORE}\n${grown} ${AFTER}`, grown, targetIn(text, short));
  });

  it('finds a quoted sentence whose quotation was trimmed', () => {
    const quoted =
      '“We will not sell at a loss, and we will not wait for the board to decide for us,” said Ana Petrov, who farms near the river.';
    const text = `${BEFORE} ${quoted} ${AFTER}`;
    const trimmed = quoted.replace(' to decide for us', '');
    expectAt(`${BEFORE} ${trimmed} ${AFTER}`, trimmed, targetIn(text, quoted));
  });

  it('orphans a boilerplate sentence whose paragraph was deleted rather than move it onto a twin', () => {
    const twin = 'Officials declined to comment.';
    const p1 = `The port will close for repairs in March. ${twin}`;
    const p2 = `Two cranes were damaged in the storm last week. ${twin}`;
    const p3 = `Unions say the closure will cost dockers a month of pay. ${twin}`;
    const text = [p1, p2, p3].join('\n');
    const target = targetIn(text, twin, 1);
    expect(
      new Anchorer([p1, p3].join('\n'))
        .anchorAll([targetIn(text, twin, 0), target, targetIn(text, twin, 2)])
        .map((r) => r.status),
    ).to.deep.equal(['anchored', 'orphaned', 'reanchored']);
  });

  it('orphans a short quote found elsewhere only by its words, in context that disagrees', () => {
    const quote = 'Exports of wheat rose, she said.';
    const text = `The board met on Monday. ${quote} Prices held.\nTraders were cautious. Imports of wheat rose, she said. Nobody else spoke.`;
    const edited =
      'The board met on Monday. Prices held.\nTraders were cautious. Imports of wheat rose, she said. Nobody else spoke.';
    expect(new Anchorer(edited).anchor(targetIn(text, quote))).to.deep.equal({ status: 'orphaned' });
  });

  it('finds a short quote left word for word when the words touching it on both sides were reworded', () => {
    // Found by a random run (seed 868375461): characters of two code units make each reworded word cost the
    // letter-for-letter view much of its agreement; the remembered words are still there, a few characters over.
    const quote = "<b> 発表 cargo it's [S1] 𐔘ᬕ.";
    const text = `ռ힣𝜀ᴗ𔘻𖼔 the naïve [S0] &amp; óἀ𘣩༱𝄦𐘢. ${quote} [S2] 🚀 ᶛ𒓶𛈺 officials <b>.`;
    const edited = `ռ힣𝜀ᴗ𔘻𖼔 the naïve [S0] &amp; the. ${quote} [S2] 𐀀𐀀𐀀𐀀! ᶛ𒓶𛈺 officials <b>.`;
    expect(new Anchorer(edited).anchor(targetIn(text, quote))).to.deep.equal({
      status: 'reanchored',
      start: edited.indexOf(quote),
      end: edited.indexOf(quote) + quote.length,
    });
  });
});
