// An esbuild plugin for the `*.styles.ts` modules: esbuild's minifier leaves the text of Lit's css`` literals as
// written, so their comments and indentation would ship. Only whitespace and comments go; `${…}` stays as it is.
import { readFile } from 'node:fs/promises';

/** The CSS text of one css`` literal without comments and with whitespace collapsed where CSS ignores it. */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/** Rewrites each css`…` literal of the `*.styles.ts` sources it loads. */
export const minifyCss = {
  name: 'minify-css-literals',
  setup(b) {
    b.onLoad({ filter: /\.styles\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/css`([^`]*)`/g, (_, text) => `css\`${minifyCssText(text)}\``);
      return { contents, loader: 'ts' };
    });
  },
};
