// The build's CSS minifier (scripts/minify-css.mjs): only comments and ignorable whitespace go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssText } from '../minify-css.mjs';

test('comments and indentation go, calc() spacing and quoted text stay', () => {
  const css = `
    /* why */
    :host {
      gap: calc(var(--s) * 2);
    }
    a > b::after {
      content: ' (' attr(href) ')';
    }`;
  assert.equal(minifyCssText(css), ":host{gap: calc(var(--s) * 2)}a>b::after{content: ' (' attr(href) ')'}");
});
