// `npm run analyze`: custom-elements.json from the components' JSDoc (@event, @csspart, @cssproperty).
import { readFileSync } from 'node:fs';

/** Code-unit order, the same on every machine and locale. */
const byPath = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.test.ts', 'src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  /**
   * The analyzer lists modules in the order its glob finds the files, which
   * depends on which directory read finishes first: sorted, the manifest is
   * the same on every run and a build leaves the tracked file unchanged.
   */
  overrideModuleCreation: ({ ts, globs }) =>
    [...globs]
      .sort(byPath)
      .map((path) =>
        ts.createSourceFile(path, readFileSync(new URL(path, import.meta.url), 'utf8'), ts.ScriptTarget.ES2015, true),
      ),
};
