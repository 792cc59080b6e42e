// Makes sure the Chromium that tests and the bench drive is there: installs
// Debian's package when running as root with apt, otherwise says how in one line.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromePath } from './browser.mjs';

export function ensureBrowser() {
  if (existsSync(chromePath)) return;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt && !process.env.CHROME_PATH) {
    console.log('Chromium is missing: installing Debian package "chromium"…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    if (existsSync(chromePath)) return;
  }
  console.error(
    `No Chromium at ${chromePath}: install it (Debian/Ubuntu: "sudo apt-get install chromium") or set CHROME_PATH to a Chromium/Chrome binary.`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowser();
