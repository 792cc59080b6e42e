// `npm run analyze`: custom-elements.json from the components' JSDoc (@event, @csspart, @cssproperty).
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.test.ts', 'src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
