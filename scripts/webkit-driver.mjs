// Starts WebKitWebDriver (which drives WebKitGTK's MiniBrowser) under
// xvfb-run on a free port, for the WebKit test run, and stops it afterwards.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { webkitDriverPath } from './browser.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the driver and resolves once it accepts connections, with its port
 * and a `stop()` that ends the driver, its X server and the browsers it
 * started (they share one process group). The driver also stops when this
 * process exits.
 */
export async function startWebKitDriver() {
  const port = await freePort();
  // -a: a free display number, so several runs can share the machine.
  const child = spawn('xvfb-run', ['-a', webkitDriverPath, `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stop);
  for (let attempt = 0; attempt < 300 && !exited; attempt++) {
    if (await accepts(port)) return { port, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`WebKitWebDriver did not start on port ${port}${exited ? ' (it exited)' : ''}.`);
}
