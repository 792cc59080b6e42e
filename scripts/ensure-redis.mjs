// Makes sure Debian's redis-server is there for the team sync tests (they start their own on a free port):
// installs it as root with apt, otherwise says how in one line. Exits 0 either way; the tests skip without it.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const redisServerPath = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

if (!existsSync(redisServerPath)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Installing redis-server from Debian…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server', {
      stdio: 'inherit',
    });
  } else {
    console.error(
      'redis-server is missing: install it (Debian/Ubuntu: "sudo apt-get install redis-server") or set REDIS_SERVER_PATH.',
    );
  }
}
