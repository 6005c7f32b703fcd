// Vitest global setup: seeds the tests' database and renders the photo renditions once, before any test
// file starts. On a fresh clone that is the slowest step of the suite (the AVIF encodes above all), and it
// belongs to no one test file: left to the first file's beforeAll, it counted against that hook's timeout.
import { createApp } from '../server/app.js';
import { dataDir, waitForDataDir } from './server/setup.js';

export default async function prepareData() {
  const demo = await waitForDataDir(() =>
    createApp({
      dataDir,
      databaseUrl: '',
      redisUrl: '',
      log: (message, error) => console.error(message, error),
    }),
  );
  await demo.warming;
  await demo.close();
}
