// A test-runner command that presses key combinations, types text and sizes
// the viewport the same way in every launcher: Playwright (Chromium),
// Puppeteer (Firefox over WebDriver BiDi) and WebdriverIO (WebKit). The
// runner's own sendKeys passes "Control+z" through as it is, which Puppeteer
// and WebDriver reject or type letter by letter. Browser side: src/test-support/keys.ts.

/** WebDriver's code points for the keys the tests use (WebDriver spec, "Keyboard actions"). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  ' ': '\uE00D',
  Space: '\uE00D',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
  F2: '\uE032',
};

/** "Control+Shift+z" → ['Control', 'Shift', 'z']; a literal "+" may be the last key ("Control++"). */
export function splitCombo(combo) {
  return combo.split(/\+(?=.)/);
}

function webdriverKey(key) {
  if (key in WEBDRIVER_KEYS) return WEBDRIVER_KEYS[key];
  if ([...key].length === 1) return key;
  throw new Error(`pressKeys: no WebDriver code for key "${key}".`);
}

/** Presses the modifiers, then the key, then releases them in reverse: one key action sequence. */
function webdriverPress(combo) {
  const keys = splitCombo(combo).map(webdriverKey);
  const down = keys.map((value) => ({ type: 'keyDown', value }));
  const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
  return [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }];
}

async function puppeteerPress(keyboard, combo) {
  const keys = splitCombo(combo);
  const key = keys.pop();
  for (const modifier of keys) await keyboard.down(modifier);
  await keyboard.press(key);
  for (const modifier of keys.reverse()) await keyboard.up(modifier);
}

/**
 * WebDriver sizes the window; the viewport is smaller by the browser's frame,
 * so size again by the difference until the viewport fits (the frame's size
 * settles only after the window is drawn at its new size).
 */
async function webdriverViewport(driver, width, height) {
  let window = { width, height };
  for (let attempt = 0; attempt < 5; attempt++) {
    await driver.setWindowSize(window.width, window.height);
    const [innerWidth, innerHeight] = await driver.execute('return [window.innerWidth, window.innerHeight];');
    if (innerWidth === width && innerHeight === height) return;
    window = { width: window.width + width - innerWidth, height: window.height + height - innerHeight };
  }
}

export function keysPlugin() {
  return {
    name: 'claim-keys-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'claim-keys') return undefined;
      const { press, type, viewport } = payload ?? {};
      const browser = session.browser;
      if (browser.type === 'playwright') {
        const page = browser.getPage(session.id);
        if (press !== undefined) await page.keyboard.press(press);
        if (type !== undefined) await page.keyboard.type(type);
        if (viewport) await page.setViewportSize(viewport);
        return true;
      }
      if (browser.type === 'puppeteer') {
        const page = browser.getPage(session.id);
        if (press !== undefined) await puppeteerPress(page.keyboard, press);
        if (type !== undefined) await page.keyboard.type(type);
        if (viewport) await page.setViewport(viewport);
        return true;
      }
      if (browser.type === 'webdriver') {
        // The launcher's driver (concurrency 1: the test page is the top window).
        const driver = browser.driver;
        if (press !== undefined) await driver.performActions(webdriverPress(press));
        if (type !== undefined) {
          const actions = [...type].flatMap((value) => [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ]);
          await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
        }
        if (press !== undefined || type !== undefined) await driver.releaseActions();
        if (viewport) await webdriverViewport(driver, viewport.width, viewport.height);
        return true;
      }
      throw new Error(`claim-keys: browser type ${browser.type} is not supported.`);
    },
  };
}
