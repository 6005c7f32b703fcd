import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';

/** A real HTTP server around the middleware under test, with a health route to prove it is still up. */
export async function startServer(
  mount: (app: express.Express) => void,
): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const app = express();
  mount(app);
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  const server: Server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function uploadRoute(app: express.Express, middleware: RequestHandler): void {
  app.post('/upload', middleware, (req, res) => {
    res.status(201).json(req.images);
  });
}

export const BOUNDARY = '----perfkit-test-boundary';

export function multipartHead(field: string, filename: string, contentType: string): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
}

export const multipartTail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/**
 * Streams a multipart upload of `bodyBytes` zero-ish bytes after a JPEG signature. With `abortAfter`
 * the client disappears after sending that many bytes. Resolves with the status, or null when the
 * connection ended without one.
 */
export function streamUpload(
  port: number,
  bodyBytes: number,
  options: { abortAfter?: number; beforeAbort?: () => Promise<void> } = {},
): Promise<{ status: number | null; body: string }> {
  return new Promise((resolve) => {
    const head = multipartHead('image', 'big.jpg', 'image/jpeg');
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/upload',
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': head.length + bodyBytes + multipartTail.length,
      },
    });
    let settled = false;
    const finish = (status: number | null, body: string) => {
      if (!settled) {
        settled = true;
        resolve({ status, body });
      }
    };
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text) => {
        body += text;
      });
      res.on('end', () => finish(res.statusCode ?? null, body));
      res.on('error', () => finish(res.statusCode ?? null, body));
    });
    req.on('error', () => setTimeout(() => finish(null, ''), 50));
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    chunk.set([0xff, 0xd8, 0xff, 0xe0], 0);
    let sent = 0;
    req.write(head);
    const pump = () => {
      while (sent < bodyBytes) {
        if (options.abortAfter !== undefined && sent >= options.abortAfter) {
          void (options.beforeAbort?.() ?? Promise.resolve()).then(() => {
            req.destroy();
            finish(null, '');
          });
          return;
        }
        const size = Math.min(chunk.length, bodyBytes - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          req.once('drain', pump);
          return;
        }
      }
      req.end(multipartTail);
    };
    pump();
  });
}
