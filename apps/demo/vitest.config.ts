import { defineConfig } from 'vitest/config';

// The demo's own node tests: the database and the server. One file at a time: they share one PGlite data
// directory (apps/demo/data/test), which a single process may open at once. The browser tests (e2e,
// Lighthouse) run elsewhere, against a started server.
export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    exclude: ['test/e2e/**', '**/node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    globalSetup: ['test/prepareData.js'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
