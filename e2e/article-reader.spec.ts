import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The public article page: the reader element alone, under the strict CSP. */
const PAGE = '/demo/article.html';
const REVIEW_URL = 'https://factcheck.example.org/reviews/port-ellis-grain-terminal';

/** Opens the page, recording every script it loads and every message the console gets. */
async function openArticle(page: Page) {
  const scripts: string[] = [];
  const console: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  const response = await page.goto(PAGE);
  await expect(page.locator('claim-article mark[data-annotation-id]').first()).toBeVisible();
  return { scripts, console, csp: (await response?.headerValue('content-security-policy')) ?? '' };
}

async function expectNoAxeViolations(page: Page, when: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations
    .map((v) => `${v.id}: ${v.help} ${v.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`)
    .join('\n');
  expect(results.violations, `axe violations ${when}:\n${report}`).toEqual([]);
}

test('a reader tabs to a highlight, opens it with Enter and reads the verdict', async ({ page }) => {
  const { scripts, console, csp } = await openArticle(page);
  expect(csp).toContain("style-src 'self'");

  // Tab from the top of the page: the first highlight is the first stop.
  await page.keyboard.press('Tab');
  const focused = page.locator('claim-article mark:focus');
  await expect(focused).toHaveAttribute('data-annotation-id', 'claim-grain-tonnage');
  await expect(focused).toHaveAttribute('data-tag', 'state-media-claim');
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('State-media claim');
  await expect(popover).toContainText('State radio');
  await expect(popover.locator('.verdict')).toHaveText('Mostly false');
  await expect(popover.getByRole('link', { name: 'Read the fact-check' })).toHaveAttribute(
    'href',
    `${REVIEW_URL}#claim-claim-grain-tonnage`,
  );
  await expectNoAxeViolations(page, 'with the popover open');

  // Escape returns to the highlight; Tab goes on in reading order, into the overlapping ones.
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(focused).toHaveAttribute('data-annotation-id', 'claim-grain-tonnage');
  const order: string[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    order.push((await focused.getAttribute('data-annotation-id')) ?? '');
  }
  expect(order).toEqual(['fact-harbour-logs', 'opinion-okafor', 'fact-every-crane']);

  // The page loaded the reader and nothing of the editor, and broke no rule of its policy.
  expect(scripts).toEqual(['/dist/claim-article.js']);
  expect(console.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
});

test('the reader page: labels, legend, the orphan listed, no axe violations, a printable page', async ({ page }) => {
  await openArticle(page);
  const labels = page.locator('claim-article .reader-label');
  await expect(labels).toHaveText([
    'State-media claim · Mostly false',
    'Reported fact',
    'Analyst opinion',
    'Reported fact',
  ]);
  await expect(page.locator('claim-article [part="legend"]')).toContainText('Reported fact (2)');
  const orphans = page.locator('claim-article [part="orphans"]');
  await expect(orphans).toContainText('Officials later revised the figure downward.');
  await expect(page.locator('claim-article mark[data-annotation-id="orphan-removed-line"]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'on the article page');
  await page.screenshot({ path: 'test-results/article-reader.png', fullPage: true });

  // A click opens the details too; printed, the popover is gone and every note is listed.
  await page.locator('claim-article mark[data-annotation-id="fact-every-crane"]').click();
  await expect(page.getByRole('dialog')).toContainText("Crane shifts confirmed by the port's published rota.");
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('dialog')).toBeHidden();
  const notes = page.locator('claim-article .print-notes');
  await expect(notes).toBeVisible();
  await expect(notes).toContainText('Harbour logs show eleven ships that week');
  await page.screenshot({ path: 'test-results/article-reader-print.png', fullPage: true });
});

test('without the annotations file the article still reads, with a note saying why', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await page.route('**/demo/article-annotations.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"format": "claim-provenance", "version": 1, "annot' }),
  );
  await page.goto(PAGE);
  const notice = page.locator('claim-article [part="notice"]');
  await expect(notice).toContainText('could not be shown');
  await expect(page.getByText('Harbour logs reviewed by this newspaper')).toBeVisible();
  await expect(page.locator('claim-article mark')).toHaveCount(0);
  expect(messages.some((text) => text.includes('claim-article'))).toBe(true);
});
