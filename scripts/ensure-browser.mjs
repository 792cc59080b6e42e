// Makes sure the browsers that tests and the bench drive are there: installs
// Debian's packages when running as root with apt, otherwise says how in one
// line per missing browser.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromePath, firefoxPath, miniBrowserPath, webkitDriverPath } from './browser.mjs';

/** Per engine: is it installed, the Debian packages that provide it, and the override for a binary elsewhere. */
const BROWSERS = {
  chromium: {
    label: 'Chromium',
    present: () => existsSync(chromePath),
    packages: ['chromium'],
    override: 'CHROME_PATH',
  },
  firefox: {
    label: 'Firefox',
    present: () => existsSync(firefoxPath),
    packages: ['firefox-esr'],
    override: 'FIREFOX_PATH',
  },
  webkit: {
    label: 'WebKit',
    present: () =>
      existsSync(webkitDriverPath) &&
      existsSync('/usr/bin/xvfb-run') &&
      existsSync('/usr/bin/xauth') &&
      !!miniBrowserPath(),
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
    override: 'MINIBROWSER_PATH',
  },
};

/**
 * Installs what is missing of `engines` when it can (root + apt-get), and
 * returns the engines still missing, after printing for each one line on how
 * to get it.
 */
export function ensureBrowsers(engines = ['chromium']) {
  let missing = engines.filter((engine) => !BROWSERS[engine].present());
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  // A browser named by its override lives elsewhere: apt cannot put it there.
  const installable = missing.filter((engine) => !process.env[BROWSERS[engine].override]);
  if (installable.length > 0 && canApt) {
    const packages = installable.flatMap((engine) => BROWSERS[engine].packages);
    console.log(`Installing missing browsers from Debian: ${packages.join(' ')}…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, {
      stdio: 'inherit',
    });
    missing = missing.filter((engine) => !BROWSERS[engine].present());
  }
  for (const engine of missing) {
    const { label, packages, override } = BROWSERS[engine];
    console.error(
      `${label} is missing: install it (Debian/Ubuntu: "sudo apt-get install ${packages.join(' ')}") or set ${override}.`,
    );
  }
  return missing;
}

/** Chromium alone (the bench and the end-to-end tests): exits when it cannot be had. */
export function ensureBrowser() {
  if (ensureBrowsers(['chromium']).length > 0) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (ensureBrowsers(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['chromium']).length > 0)
    process.exit(1);
}
