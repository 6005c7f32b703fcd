import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Plugin } from 'vite';

// A route inside the Vitest browser server for image tests: serves the fixtures, counts every request,
// answers 404 on demand and holds responses until a test releases them. URLs carry a namespace per test so
// test files running side by side do not see each other's requests:
//   /__images/<ns>/<mode>/<fixture>[?anything]   mode: ok | missing | held
//   /__images/<ns>/log                           JSON list of requested image URLs, in order
//   /__images/<ns>/release                       answers every held request of the namespace
const FIXTURES = join(import.meta.dirname, '../fixtures/images');
const TYPES: Record<string, string> = { jpg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' };

export function imageTestServer(): Plugin {
  const logs = new Map<string, string[]>();
  const held = new Map<string, Array<() => void>>();

  function send(res: ServerResponse, fixture: string) {
    const body = readFileSync(join(FIXTURES, fixture.replace(/[^\w.-]/g, '')));
    res.writeHead(200, {
      'content-type': TYPES[fixture.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [ns = '', mode = '', fixture = ''] = url.pathname.split('/').filter(Boolean);
    if (mode === 'log') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(logs.get(ns) ?? []));
      return;
    }
    if (mode === 'release') {
      for (const answer of held.get(ns) ?? []) answer();
      held.delete(ns);
      res.writeHead(204).end();
      return;
    }
    if (!['ok', 'missing', 'held'].includes(mode)) return next();
    const log = logs.get(ns) ?? [];
    logs.set(ns, log);
    log.push(`/${mode}/${fixture}${url.search}`);
    if (mode === 'missing') {
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('not found');
    } else if (mode === 'held') {
      const queue = held.get(ns) ?? [];
      held.set(ns, queue);
      queue.push(() => send(res, fixture));
    } else {
      send(res, fixture);
    }
  }

  return {
    name: 'perfkit:image-test-server',
    configureServer(server) {
      server.middlewares.use('/__images', handle);
    },
  };
}
