/**
 * Keyboard and viewport for tests, the same in Chromium, Firefox and WebKit:
 * runs the `claim-keys` command of scripts/keys-plugin.mjs, which drives each
 * launcher its own way. Use these instead of the runner's sendKeys and
 * setViewport, which cannot press combinations such as "Control+z" outside
 * Playwright.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** Presses a key or a combination, Playwright-style: "End", "Control+z", "Alt+ArrowDown". */
export async function pressKeys(combo: string): Promise<void> {
  await executeServerCommand('claim-keys', { press: combo });
}

/** Types text, one key per character. */
export async function typeKeys(text: string): Promise<void> {
  await executeServerCommand('claim-keys', { type: text });
}

/** Sets the size of the page's viewport in CSS pixels. */
export async function setViewportSize(width: number, height: number): Promise<void> {
  await executeServerCommand('claim-keys', { viewport: { width, height } });
}
