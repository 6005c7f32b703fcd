// Shared benchmark harness: one Vite production page per contender, served on 127.0.0.1, driven in
// Debian's Chromium through playwright-core, contenders interleaved and rotated per round, medians and
// paired ratios printed as Markdown. Scenarios live in bench/<name>/run.mjs and import from here.
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT_ROOT = join(REPO_ROOT, 'bench/.out');
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-extensions',
];

/** `--quick` (one round, small counts: the mode `npm test` runs), `--rounds=N`, bare words filter. */
export function parseArgs(argv = process.argv.slice(2)) {
  const quick = argv.includes('--quick');
  const roundsArg = argv.find((arg) => arg.startsWith('--rounds='));
  const rounds = roundsArg ? Number(roundsArg.split('=')[1]) : quick ? 1 : 5;
  const only = argv.filter((arg) => !arg.startsWith('--'));
  return { quick, rounds, only };
}

/**
 * Builds one HTML page per contender with Vite in production mode.
 * @param {{ name: string, pages: Record<string, string>, define?: Record<string, string> }} options
 *   `pages` maps a contender name to the absolute path of its entry module (which renders into #root).
 * @returns {Promise<string>} the folder holding `<contender>.html` and the assets
 */
export async function buildPages({ name, pages, define = {} }) {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const work = join(OUT_ROOT, name);
  const srcDir = join(work, 'src');
  const distDir = join(work, 'dist');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(srcDir, { recursive: true });
  const input = {};
  for (const [contender, entry] of Object.entries(pages)) {
    const html = join(srcDir, `${contender}.html`);
    const specifier = relative(srcDir, entry).split('\\').join('/');
    writeFileSync(
      html,
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${contender}</title><style>html,body{margin:0}</style></head>` +
        `<body><div id="root"></div><script type="module" src="./${specifier}"></script></body></html>`,
    );
    input[contender] = html;
  }
  await build({
    root: srcDir,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    resolve: { alias: { '@perfkit/react': join(REPO_ROOT, 'src/index.ts') } },
    server: { fs: { allow: [REPO_ROOT] } },
    build: {
      outDir: distDir,
      emptyOutDir: true,
      rolldownOptions: { input },
      chunkSizeWarningLimit: 5000,
    },
  });
  return distDir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

/**
 * Serves folders on 127.0.0.1 (never every interface) and records every request.
 * @param {string | Record<string, string>} dirs one folder, or URL prefixes mapped to folders
 * @param {{ delayMs?: (url: string) => number, handle?: (req, res) => boolean | Promise<boolean> }} options
 *   `handle` answers a request itself when it returns true (an API, a held response).
 */
export async function serve(dirs, { delayMs, handle } = {}) {
  const mounts = typeof dirs === 'string' ? { '/': dirs } : dirs;
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, time: performance.now(), bytes: 0 });
    const record = requests[requests.length - 1];
    if (handle && (await handle(req, res, url))) return;
    const delay = delayMs?.(url.pathname) ?? 0;
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((mount) => url.pathname.startsWith(mount));
    const base = prefix ? mounts[prefix] : undefined;
    const file = base ? join(base, decodeURIComponent(url.pathname.slice(prefix.length))) : '';
    if (!base || !file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const size = statSync(file).size;
    record.bytes = size;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reset() {
      requests.length = 0;
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/** Launches Debian's Chromium headless. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh page (own context, so no cache is shared between contenders) with a CDP session.
 * @param {{ viewport?: { width: number, height: number }, cpuThrottle?: number }} options
 */
export async function openPage(browser, { viewport = { width: 800, height: 600 }, cpuThrottle = 1 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (cpuThrottle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  return {
    page,
    cdp,
    async close() {
      await context.close();
    },
  };
}

/** JS heap in use after a forced garbage collection, in bytes. */
export async function heapAfterGC(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/** Counts every IntersectionObserver the page creates; call before navigation. */
export async function countObservers(page) {
  await page.addInitScript(() => {
    const Native = window.IntersectionObserver;
    window.__observers = 0;
    window.IntersectionObserver = class extends Native {
      constructor(...args) {
        super(...args);
        window.__observers += 1;
      }
    };
  });
  return () => page.evaluate(() => window.__observers);
}

/**
 * Runs `action` in the page while a requestAnimationFrame loop records frame times.
 * Returns frames, long frames (> 16.7 ms) and missed vsyncs (frames that took n intervals miss n - 1).
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<void>} action
 */
export async function recordFrames(page, action) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });
  const interval = 1000 / 60;
  return {
    frames: frames.length,
    longFrames: frames.filter((time) => time > interval + 0.5).length,
    missedVsyncs: frames.reduce((sum, time) => sum + Math.max(0, Math.round(time / interval) - 1), 0),
  };
}

/**
 * Runs every contender once per round, rotating the order each round so no contender always goes first
 * (warm caches, thermal state and neighbours on this shared machine even out).
 * @template T
 * @param {{ contenders: string[], rounds: number, run: (contender: string, round: number) => Promise<T> }} options
 * @returns {Promise<Array<{ contender: string, round: number, metrics: T }>>}
 */
export async function runRounds({ contenders, rounds, run, log = true }) {
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, index) => contenders[(index + round) % contenders.length]);
    for (const contender of order) {
      const metrics = await run(contender, round);
      results.push({ contender, round, metrics });
      if (log)
        process.stderr.write(`  round ${round + 1}/${rounds} ${contender}: ${JSON.stringify(metrics)}\n`);
    }
  }
  return results;
}

export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function formatNumber(value, digits) {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (!Number.isFinite(value)) return '–';
  return Number.isInteger(value) && digits === undefined ? String(value) : value.toFixed(digits ?? 2);
}

/**
 * A Markdown table: one row per contender, one column per metric as `median (min–max)`, then a row of
 * same-round ratios `ours / best peer` (median over rounds) for each metric.
 * @param {{
 *   title: string,
 *   results: Array<{ contender: string, round: number, metrics: Record<string, number | boolean> }>,
 *   metrics: Array<{ key: string, label: string, better?: 'lower' | 'higher', digits?: number }>,
 *   ours?: string,
 * }} options
 */
export function table({ title, results, metrics, ours = 'perfkit' }) {
  const contenders = [...new Set(results.map((result) => result.contender))];
  const values = (contender, key) =>
    results.filter((result) => result.contender === contender).map((result) => result.metrics[key]);
  const lines = [`### ${title}`, '', `| contender | ${metrics.map((metric) => metric.label).join(' | ')} |`];
  lines.push(`| --- | ${metrics.map(() => '---').join(' | ')} |`);
  for (const contender of contenders) {
    const cells = metrics.map((metric) => {
      const list = values(contender, metric.key);
      if (list.some((value) => typeof value === 'boolean')) {
        const yes = list.filter(Boolean).length;
        return yes === list.length ? 'yes' : yes === 0 ? 'no' : `${yes}/${list.length}`;
      }
      const numbers = list.filter((value) => Number.isFinite(value));
      const mid = formatNumber(median(numbers), metric.digits);
      if (numbers.length < 2) return mid;
      const low = formatNumber(Math.min(...numbers), metric.digits);
      const high = formatNumber(Math.max(...numbers), metric.digits);
      return low === high ? mid : `${mid} (${low}–${high})`;
    });
    lines.push(`| ${contender === ours ? `**${contender}**` : contender} | ${cells.join(' | ')} |`);
  }
  const peers = contenders.filter((contender) => contender !== ours);
  if (contenders.includes(ours) && peers.length > 0) {
    const cells = metrics.map((metric) => {
      if (!metric.better) return '';
      const rounds = [...new Set(results.map((result) => result.round))];
      const ratios = rounds.map((round) => {
        const inRound = (contender) =>
          results.find((result) => result.round === round && result.contender === contender)?.metrics[
            metric.key
          ];
        const mine = inRound(ours);
        const peerValues = peers.map(inRound).filter((value) => Number.isFinite(value));
        if (!Number.isFinite(mine) || peerValues.length === 0) return Number.NaN;
        const best = metric.better === 'lower' ? Math.min(...peerValues) : Math.max(...peerValues);
        return best === 0 ? (mine === 0 ? 1 : Number.POSITIVE_INFINITY) : mine / best;
      });
      const ratio = median(ratios);
      return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : ratio === Number.POSITIVE_INFINITY ? '∞' : '–';
    });
    lines.push(`| ours / best peer (paired) | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Minified + gzipped size of `code` bundled alone (React and friends external), the way a user's bundler
 * would include it.
 * @param {string} code e.g. `export { VirtualList } from '@perfkit/react'`
 */
export async function gzipSize(
  code,
  { external = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'] } = {},
) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    treeShaking: true,
    platform: 'browser',
    external,
    alias: { '@perfkit/react': join(REPO_ROOT, 'src/index.ts') },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

export function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
