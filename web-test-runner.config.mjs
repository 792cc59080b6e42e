import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { chromePath, chromeArgs, engines, firefoxPath, miniBrowserPath } from './scripts/browser.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { keysPlugin } from './scripts/keys-plugin.mjs';
import { startWebKitDriver } from './scripts/webkit-driver.mjs';
import { defaultReporter } from '@web/test-runner';

/** One engine per run: WTR_BROWSER=chromium (default), firefox or webkit. `npm test` runs each in turn. */
const engine = process.env.WTR_BROWSER ?? 'chromium';
if (!engines.includes(engine)) throw new Error(`WTR_BROWSER must be one of ${engines.join(', ')}, not "${engine}".`);

/** The launcher for `engine`, and for WebKit the driver it talks to (stopped when the run ends). */
async function launcherFor(name) {
  if (name === 'firefox') {
    // Firefox speaks WebDriver BiDi, which Puppeteer drives without geckodriver.
    return {
      launcher: puppeteerLauncher({
        launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
      }),
    };
  }
  if (name === 'webkit') {
    const driver = await startWebKitDriver();
    const launcher = webdriverLauncher({
      hostname: '127.0.0.1',
      port: driver.port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver has no BiDi.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      },
    });
    return { launcher, stop: driver.stop };
  }
  return {
    launcher: playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromePath, args: chromeArgs },
    }),
  };
}

const { launcher, stop } = await launcherFor(engine);

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
  // WebDriver runs one page at a time (key actions need the test page to be the top window). Firefox too: a page
  // that is not the front tab gets no animation frames and throttled timers, and a whole file (form.test.ts) stalled
  // past the run's limit there in two of three full runs.
  concurrency: engine === 'chromium' ? 2 : 1,
  // One limit for every engine: the property tests (hundreds of generated inputs each) are CPU-bound, and on a noisy
  // 2-core machine a Chromium page starved by other work ran past 10 s while no test was waiting on anything.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: engine === 'chromium' ? 120000 : 300000,
  plugins: [
    keysPlugin(),
    ...(stop ? [{ name: 'stop-webkit-driver', serverStop: stop }] : []),
    bundleCommonJs(['ajv', 'papaparse']),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [launcher],
  reporters: [defaultReporter(), countingReporter(engine)],
};
