import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromePath, chromeArgs } from './scripts/browser.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

export default {
  files: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
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
