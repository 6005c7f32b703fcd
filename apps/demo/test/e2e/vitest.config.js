import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The e2e tests: one browser and one demo server (which holds the data directory) at a time, and the
// steps of a visit in file order.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.js'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 150_000,
    // What a user waits for (a page of posts from a cold server on a shared 2-core machine) can take
    // seconds, not the one-second default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
