// Finds the browsers the tests and the bench drive (Debian's packages by
// default; CHROME_PATH, FIREFOX_PATH and MINIBROWSER_PATH override them).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const webkitDriverPath = '/usr/bin/WebKitWebDriver';

/** WebKitGTK's MiniBrowser, which WebKitWebDriver drives; its folder depends on the WebKitGTK version, so dpkg says where. */
export function miniBrowserPath() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  try {
    const files = execSync('dpkg -L libwebkit2gtk-4.1-0 libwebkitgtk-6.0-4 libwebkit2gtk-4.0-37 2>/dev/null', {
      encoding: 'utf8',
    });
    return files.split('\n').find((file) => file.endsWith('/MiniBrowser') && existsSync(file));
  } catch (error) {
    // dpkg exits non-zero when one of the packages is not installed; its output still lists the others.
    const files = String(error.stdout ?? '');
    return files.split('\n').find((file) => file.endsWith('/MiniBrowser') && existsSync(file));
  }
}

/** The engines `npm test` runs the unit and component suite in, in order. */
export const engines = ['chromium', 'firefox', 'webkit'];
