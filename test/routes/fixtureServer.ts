import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../..');

/** Builds test/routes/fixture-app with Vite (production), chunks named after their page: assets/About.js. */
export async function buildFixtureApp(): Promise<string> {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const outDir = mkdtempSync(join(tmpdir(), 'perfkit-routes-'));
  await build({
    root: join(here, 'fixture-app'),
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    server: { fs: { allow: [repoRoot] } },
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { output: { chunkFileNames: 'assets/[name].js', entryFileNames: 'assets/[name].js' } },
    },
  });
  return outDir;
}

export interface FixtureServer {
  origin: string;
  /** Paths requested, in order. */
  requests: string[];
  /** Answer the next `times` requests for `path` with 404 (Infinity: always). */
  fail(path: string, times: number): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };

/** Serves the built app on 127.0.0.1; unknown paths get index.html, as a single-page app's host does. */
export async function serveFixtureApp(dir: string): Promise<FixtureServer> {
  const requests: string[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const remaining = failures.get(path) ?? 0;
    if (remaining > 0) {
      failures.set(path, remaining - 1);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
      return;
    }
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(dir, 'index.html');
    const type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    fail: (path, times) => failures.set(path, times),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
