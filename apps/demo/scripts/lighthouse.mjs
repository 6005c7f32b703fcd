// Lighthouse CI over the production build: starts the demo server (`node server/index.js`) on a free port
// of 127.0.0.1, warms its caches the way a visitor before us would have, then runs `lhci collect`,
// `lhci assert` and `lhci upload` (reports into .lighthouseci/) with Debian's Chromium.
// Usage: node scripts/lighthouse.mjs [--base=http://127.0.0.1:PORT] (an already running server)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from './start-demo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = ['/', '/feed', '/shop'];
const lhci = join(root, 'node_modules/.bin/lhci');
const bin = existsSync(lhci) ? lhci : join(root, '../../node_modules/.bin/lhci');
const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' };

/**
 * The API answers and image renditions the measured pages need, fetched once: Lighthouse then measures a
 * warm server (as behind a CDN) rather than the first-ever encode of each image.
 */
async function warm(base) {
  const accept = { accept: 'image/avif,image/webp,*/*' };
  const imageUrls = (manifest) =>
    manifest
      ? manifest.sources.flatMap((source) => source.srcSet.split(', ').map((entry) => entry.split(' ')[0]))
      : [];
  const posts = await (await fetch(`${base}/api/posts?limit=10`)).json();
  const products = await (await fetch(`${base}/api/products?offset=0&limit=60`)).json();
  await fetch(`${base}/api/categories`);
  const urls = [
    ...posts.items.flatMap((post) => imageUrls(post.image)),
    ...products.items.flatMap((p) => imageUrls(p.image)),
  ];
  for (const url of new Set(urls))
    await fetch(new URL(url, base), { headers: accept }).then((r) => r.arrayBuffer());
}

/** One line per page with each figure's median over the runs (what the assertions judge), for the record. */
function printMedians() {
  const dir = join(root, '.lighthouseci');
  const byUrl = new Map();
  for (const file of readdirSync(dir).filter((name) => /^lhr-.*\.json$/.test(name))) {
    const lhr = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const runs = byUrl.get(lhr.requestedUrl) ?? [];
    runs.push(lhr);
    byUrl.set(lhr.requestedUrl, runs);
  }
  for (const [url, runs] of byUrl) {
    const median = (read) => {
      const values = runs.map(read).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)];
    };
    const scriptBytes = (lhr) =>
      lhr.audits['resource-summary'].details.items.find((item) => item.resourceType === 'script')
        .transferSize;
    console.log(
      `${new URL(url).pathname.padEnd(6)} performance ${median((lhr) => lhr.categories.performance.score)} ` +
        `(runs ${runs.map((lhr) => lhr.categories.performance.score).join(', ')}), ` +
        `accessibility ${median((lhr) => lhr.categories.accessibility.score)}, ` +
        `best practices ${median((lhr) => lhr.categories['best-practices'].score)}, ` +
        `LCP ${Math.round(median((lhr) => lhr.audits['largest-contentful-paint'].numericValue))} ms, ` +
        `CLS ${median((lhr) => lhr.audits['cumulative-layout-shift'].numericValue).toFixed(3)}, ` +
        `TBT ${Math.round(median((lhr) => lhr.audits['total-blocking-time'].numericValue))} ms ` +
        `(runs ${runs.map((lhr) => Math.round(lhr.audits['total-blocking-time'].numericValue)).join(', ')}), ` +
        `JS ${(median(scriptBytes) / 1024).toFixed(1)} KB transferred`,
    );
  }
}

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const given = process.argv.find((arg) => arg.startsWith('--base='))?.slice('--base='.length);
const server = given ? { url: given, stop: async () => {} } : await startDemo();
let code = 1;
try {
  await warm(server.url);
  const urls = PAGES.map((path) => `--collect.url=${server.url}${path}`);
  code = await run(['collect', '--config=lighthouserc.cjs', ...urls]);
  if (code === 0) {
    printMedians();
    code = await run(['assert', '--config=lighthouserc.cjs']);
    // Saved whether or not the assertions passed: the reports are how a failure gets diagnosed.
    await run(['upload', '--config=lighthouserc.cjs']);
  }
} finally {
  await server.stop();
}
process.exit(code);
