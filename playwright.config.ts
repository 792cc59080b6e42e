import { defineConfig } from '@playwright/test';

// Same browser as scripts/browser.mjs (re-declared: the strict tsconfig does not type-check .mjs imports).
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// E2E_PORT lets several checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 8765);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // Only Playwright's own artifacts: scripts/test.mjs keeps other runners' results in test-results/,
  // and Playwright empties its outputDir at the start of a run.
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    // scripts/test.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME and reads stats.expected/unexpected/flaky/skipped.
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  use: {
    baseURL,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromePath, args: chromeArgs },
      },
    },
  ],
  webServer: {
    command: 'npm start',
    env: { PORT: String(port) },
    url: `${baseURL}/demo/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
