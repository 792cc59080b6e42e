import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromePath, chromeArgs } from './scripts/browser.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

/**
 * Test-only CommonJS packages (ajv, papaparse) cannot run in the browser as
 * they are: their entry file is served bundled to one ES module by esbuild.
 */
function bundleCommonJs(packages) {
  const root = fileURLToPath(new URL('.', import.meta.url));
  return {
    name: 'bundle-commonjs-test-deps',
    async serve(context) {
      // A symlinked node_modules is served from outside the root: match the package wherever it sits.
      const at = context.path.indexOf('/node_modules/');
      const inside = at < 0 ? '' : context.path.slice(at + 1);
      if (!packages.some((name) => inside.startsWith(`node_modules/${name}/`))) return undefined;
      const result = await build({
        entryPoints: [root + inside],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        // papaparse's Node-only stream support is never reached in a browser.
        external: ['stream'],
        write: false,
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

export default {
  files: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    bundleCommonJs(['ajv', 'ajv-draft-04', 'papaparse']),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromePath, args: chromeArgs },
    }),
  ],
  reporters: [defaultReporter(), countingReporter()],
};
