import { expect, test } from '@playwright/test';

const ARTICLE = 'The state agency said the dam would open in spring. Officials gave no date.';

/** A CMS page whose article names images after document methods, before the editor's script loads. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clobbered</title></head><body>
<claim-editor id="editor"><img name="createTreeWalker" alt=""><img name="importNode" alt=""><img name="createElement" alt=""><p>${ARTICLE}</p></claim-editor>
<script type="module" src="/dist/claim-editor.js"></script></body></html>`;

test('an article that names images after document methods still opens, and the console says what was renamed', async ({
  page,
}) => {
  await page.route('**/demo/clobbered.html', (route) => route.fulfill({ body: PAGE, contentType: 'text/html' }));
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto('/demo/clobbered.html');

  await expect(page.locator('claim-editor#editor .ProseMirror')).toContainText('Officials gave no date.');
  expect(errors).toEqual([]);
  expect(warnings.join('\n')).toContain('removed the name "createTreeWalker"');
  const tagged = await page.evaluate(() => {
    const editor = document.querySelector('claim-editor#editor') as HTMLElement & {
      addAnnotation(input: object): { quote: string };
    };
    return editor.addAnnotation({ tag: 'reported-fact', quote: 'Officials gave no date.' }).quote;
  });
  expect(tagged).toBe('Officials gave no date.');
});
