// `node server/index.js`: starts the demo on 127.0.0.1 (PORT, default 5173) and prints its URL.
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';

export { createApp } from './app.js';

async function main() {
  const port = Number(process.env.PORT ?? 5173);
  const host = process.env.HOST ?? '127.0.0.1';
  const started = performance.now();
  const demo = await createApp();
  const { seeded, databaseSeconds } = demo.startup;
  console.log(
    seeded
      ? `perfkit demo: seeded the database in ${databaseSeconds.toFixed(1)} s (first start only)`
      : `perfkit demo: database ready in ${databaseSeconds.toFixed(1)} s`,
  );
  if (!demo.hasClient)
    console.warn('perfkit demo: no client build; run "npm run build --workspace apps/demo".');
  const server = demo.app.listen(port, host, () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`perfkit demo running at http://${host}:${address.port}/ (started in ${seconds} s)`);
  });
  const stop = () => {
    server.close();
    demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error('perfkit demo: could not start:', error);
    process.exit(1);
  });
}
