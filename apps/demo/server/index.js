// The demo's server: serves the built client (hashed assets immutable, HTML revalidated) on 127.0.0.1.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express from 'express';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../dist');

export function createApp() {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      `perfkit demo: no client build in ${dist}. Run "npm run build --workspace apps/demo" first.`,
    );
  }
  const app = express();
  app.disable('x-powered-by');
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/assets',
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  app.use(
    express.static(dist, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }),
  );
  // Client-side routes: every other GET gets the app shell.
  app.get(/.*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5173);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createApp().listen(port, host, () => {
    console.log(`perfkit demo running at http://${host}:${server.address().port}/`);
  });
}
