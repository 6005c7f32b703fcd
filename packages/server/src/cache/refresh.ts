import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/** Marks a synthetic request; its value is the flight the refresh must settle. */
export const REFRESH = Symbol.for('perfkit.cache.refresh');

interface ExpressLikeApp {
  handle(req: IncomingMessage, res: ServerResponse, done: (error?: unknown) => void): void;
  parent?: ExpressLikeApp;
}

const DROPPED = new Set([
  'if-none-match',
  'if-modified-since',
  'cache-control',
  'pragma',
  'content-length',
  'transfer-encoding',
  'connection',
]);

/**
 * Re-runs a GET through the Express app without a client connection (nginx's background update): the
 * cache middleware sees the REFRESH mark, captures the fresh response and stores it. Returns false when
 * the request did not come through Express, so the caller can revalidate in the foreground instead.
 */
export function startBackgroundRefresh(
  req: IncomingMessage & { app?: ExpressLikeApp; originalUrl?: string },
  flight: unknown,
  onError: (error: unknown) => void,
  onUnanswered: () => void,
): boolean {
  let app = req.app;
  if (!app || typeof app.handle !== 'function') return false;
  // Sub-apps see a mount-relative URL; the root app routes the full original URL.
  while (app.parent && typeof app.parent.handle === 'function') app = app.parent;
  const socket = new Socket();
  const fake = new IncomingMessage(socket);
  fake.method = 'GET';
  fake.url = req.originalUrl ?? req.url ?? '/';
  fake.httpVersionMajor = 1;
  fake.httpVersionMinor = 1;
  fake.httpVersion = '1.1';
  for (const [name, value] of Object.entries(req.headers)) {
    if (!DROPPED.has(name) && value !== undefined) fake.headers[name] = value;
  }
  fake.push(null);
  (fake as unknown as Record<symbol, unknown>)[REFRESH] = flight;
  const res = new ServerResponse(fake);
  res.on('error', onError);
  setImmediate(() => {
    try {
      app.handle(fake, res, (error?: unknown) => {
        if (error) onError(error);
        onUnanswered();
        socket.destroy();
      });
    } catch (error) {
      onError(error);
      onUnanswered();
    }
  });
  return true;
}
