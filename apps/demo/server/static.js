// Serves the built client, ready for a CDN: hashed assets cached for a year as immutable, HTML and other
// unhashed files revalidated on every use, and client-side routes answered with the app shell.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { createRouteHints } from './routeHints.js';

/** @param {import('express').Response} res @param {string} label */
const label = (res, label) => {
  res.locals.routeLabel = label;
};

/**
 * @param {import('express').Express} app
 * @param {string} distDir
 */
export function registerClient(app, distDir) {
  const shell = join(distDir, 'index.html');
  if (!existsSync(shell)) {
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      label(res, 'client-missing');
      res
        .status(503)
        .type('text')
        .send('The demo client is not built. Run "npm run build --workspace apps/demo", then restart.');
    });
    return false;
  }
  app.use(
    '/assets',
    (_req, res, next) => {
      label(res, '/assets/*');
      next();
    },
    express.static(join(distDir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      index: false,
      fallthrough: false,
    }),
  );
  app.use(
    (_req, res, next) => {
      label(res, 'static');
      next();
    },
    express.static(distDir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  // Client-side routes: every other GET outside the API gets the app shell, with hints that start the
  // page's code and first data at once.
  const html = readFileSync(shell, 'utf8');
  const hints = createRouteHints(distDir);
  app.get(/^(?!\/api\/).*/, async (req, res) => {
    label(res, 'app-shell');
    res.setHeader('Cache-Control', 'no-cache');
    const url = new URL(req.originalUrl, 'http://localhost');
    const origin = `http://127.0.0.1:${req.socket.localPort}`;
    const head = await hints(url.pathname, url.search, origin);
    res.type('html').send(html.replace('</head>', `${head}</head>`));
  });
  return true;
}
