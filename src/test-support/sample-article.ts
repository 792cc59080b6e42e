/**
 * Invented wire copy for the component tests: a heading, emphasis, a link, a
 * blockquote and a list, with sentences that segment unambiguously.
 * Nothing here is real reporting.
 */

export const HEADLINE = 'Harbour talks stall over disputed cargo figures';

export const P1_S1 = 'The state news agency said the new harbour at Veldmark would open in early spring.';
export const P1_S2 = 'Port officials gave no date.';
export const P1 = `${P1_S1} ${P1_S2}`;

export const P2_S1 = 'An analyst at the Coastal Policy Institute said the timeline looked unrealistic.';
export const P2_S2 = 'She expected delays of at least a year.';
export const P2 = `${P2_S1} ${P2_S2}`;

export const QUOTE_BLOCK = '“We will finish on schedule,” the transport ministry said in a statement.';
export const ITEM_1 = 'Cargo volumes fell 4.5 percent in March.';
export const ITEM_2 = 'Two of the six cranes remain idle.';

export const LINK_HREF = 'https://example.org/coastal-institute';

/** The article as a CMS would render it inside `<claim-editor>`. */
export const ARTICLE_HTML = [
  `<h2>${HEADLINE}</h2>`,
  '<p>The state news agency said the new harbour at Veldmark would open in <em>early spring</em>. Port officials gave no date.</p>',
  `<p>An analyst at the <a href="${LINK_HREF}">Coastal Policy Institute</a> said the timeline looked unrealistic. She expected delays of at least a year.</p>`,
  `<blockquote><p>${QUOTE_BLOCK}</p></blockquote>`,
  `<ul><li>${ITEM_1}</li><li>${ITEM_2}</li></ul>`,
].join('\n');

/** The text of each block, in reading order. */
export const ARTICLE_BLOCKS = [HEADLINE, P1, P2, QUOTE_BLOCK, ITEM_1, ITEM_2];

/** `editor.text` for {@link ARTICLE_HTML}. */
export const ARTICLE_TEXT = ARTICLE_BLOCKS.join('\n');

/** A short plain-text article for loadArticle({text}); one line per paragraph. */
export const PLAIN_ARTICLE = [
  'Rations rose in the north, the ministry said. Exports fell in the south, the ministry said.',
  'Economists at a Seoul bank called the figures implausible.',
  'The border crossing reopened on Tuesday.',
].join('\n');
