// Starts the real demo server (`node server/index.js`) on a free port of 127.0.0.1, for the e2e tests and
// the Lighthouse run, and resolves once it has printed its URL.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Its data lives in data/browser-tests (seeded on first use, then kept), so that a demo the developer
 * has running on the default directory does not block the tests, nor the tests' uploads end up in it.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export function startDemo({ timeout = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/index.js'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO_DATA_DIR: process.env.DEMO_DATA_DIR ?? join(root, 'data/browser-tests'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
    };
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The demo server printed no URL within ${timeout / 1000} s:\n${output}`));
    }, timeout);
    const exited = new Promise((done) => child.once('exit', done));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The demo server exited with code ${code}:\n${output}`));
    });
    child.stdout.on('data', (chunk) => {
      collect(chunk);
      const url = output.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
      if (!url) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        url,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
