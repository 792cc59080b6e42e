import type { Taxonomy } from '../../model/taxonomy.js';

/** Underline patterns by taxonomy position, so tags differ by more than colour even when printed in grey. */
const PATTERNS = ['solid', 'dashed', 'dotted', 'double', 'wavy'] as const;

const FALLBACK_COLORS = ['#b3261e', '#6a3fb5', '#0b6e4f', '#8a4b00', '#1a5fb4', '#5e5c64'];

/** A CSS string literal: quotes, backslashes and line breaks escaped, so a label can never break out of it. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Per-tag rules: colour (overridable as `--claim-tag-<id>-color`), underline
 * pattern, and the label text shown before each annotation. Tag ids are
 * validated to `[A-Za-z][\w-]*`, so they are safe in selectors and property names.
 */
export function taxonomyCss(taxonomy: Taxonomy): string {
  return taxonomy
    .map((tag, index) => {
      const color = `var(--claim-tag-${tag.id}-color, ${tag.color ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length]})`;
      const selector = `[data-tag="${tag.id}"]`;
      return [
        `${selector} { --_tag-color: ${color}; --_tag-pattern: ${PATTERNS[index % PATTERNS.length]}; }`,
        `.claim-label${selector}::before { content: ${cssString(tag.label)}; }`,
        `.claim-suggestion-label${selector}::before { content: ${cssString(`Suggested: ${tag.label} `)}; }`,
      ].join('\n');
    })
    .join('\n');
}

/** A constructable stylesheet, which strict CSP allows where a `<style>` element would need `unsafe-inline`. */
function sheet(text: string): CSSStyleSheet {
  const result = new CSSStyleSheet();
  result.replaceSync(text);
  return result;
}

const taxonomySheets = new WeakMap<Taxonomy, CSSStyleSheet>();

/** One shared stylesheet per taxonomy, adopted by every shadow root that draws tags. */
export function taxonomySheet(taxonomy: Taxonomy): CSSStyleSheet {
  let result = taxonomySheets.get(taxonomy);
  if (!result) {
    result = sheet(taxonomyCss(taxonomy));
    taxonomySheets.set(taxonomy, result);
  }
  return result;
}
