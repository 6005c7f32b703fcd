// Starts the demo server on a free port over the tests' seeded data directory (apps/demo/data/test,
// git-ignored, apart from the one a running demo uses). Test files run one at a time: PGlite opens a data
// directory from one place only.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';

export const dataDir = join(import.meta.dirname, '../../data/test');

/**
 * @param {import('../../server/app.js').AppOptions} [options]
 */
export async function startDemo(options = {}) {
  const errors = [];
  const demo = await waitForDataDir(() =>
    createApp({
      dataDir,
      databaseUrl: '',
      redisUrl: '',
      log: (message, error) => errors.push({ message, error }),
      ...options,
    }),
  );
  await demo.warming;
  const server = demo.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const base = `http://127.0.0.1:${port}`;
  return {
    demo,
    base,
    /** Unexpected errors the server logged (a test fails on any it did not cause on purpose). */
    errors,
    /**
     * @param {string} path
     * @param {RequestInit} [init]
     */
    request: (path, init) => fetch(`${base}${path}`, init),
    /**
     * GET and parse JSON, with the response for headers and status.
     * @param {string} path
     * @param {RequestInit} [init]
     */
    async getJson(path, init) {
      const response = await fetch(`${base}${path}`, init);
      return { response, status: response.status, body: await response.json() };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await demo.close();
    },
  };
}

/**
 * Another run of these tests (say `npm run test:demo` started elsewhere) may hold the data directory for a
 * while; wait for it rather than fail, as a second terminal would.
 * @template T
 * @param {() => Promise<T>} open
 * @returns {Promise<T>}
 */
export async function waitForDataDir(open, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await open();
    } catch (error) {
      const busy = error instanceof Error && / is in use by process \d+/.test(error.message);
      if (!busy || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A throwaway redis-server on 127.0.0.1 without persistence, ready once it accepts connections. */
export async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
        child.once('exit', () => resolve(undefined));
        child.kill('SIGKILL');
      }),
  };
}
