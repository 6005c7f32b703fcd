// VirtualList against react-window 2, react-virtuoso 4, @tanstack/react-virtual 3 and virtua, side by side:
// `node bench/list/run.mjs [--quick] [--rounds=N] [scenario ids such as measured-100000]`. Scenario names
// follow TanStack/virtual's benchmarks (fixed / dynamic) and the peer baseline (A: fixed 36 px rows,
// B: measured rows, D: 1M and 10M rows).
import { join } from 'node:path';
import {
  buildPages,
  gzipSize,
  heapAfterGC,
  launch,
  openPage,
  parseArgs,
  REPO_ROOT,
  recordFrames,
  runRounds,
  serve,
  table,
} from '../lib/harness.mjs';
import { PROBES } from './probes.mjs';

const { quick, rounds, only } = parseArgs();
const CONTENDERS = ['perfkit', 'react-window', 'react-virtuoso', 'tanstack', 'virtua'];
const LIBRARY = {
  perfkit: "export { VirtualList } from '@perfkit/react'",
  'react-window': "export { List, useDynamicRowHeight } from 'react-window'",
  'react-virtuoso': "export { Virtuoso } from 'react-virtuoso'",
  tanstack: "export { useVirtualizer } from '@tanstack/react-virtual'",
  virtua: "export { VList } from 'virtua'",
};
const FULL_COUNT = quick ? 10_000 : 100_000;
const SMALL_COUNTS = quick ? [] : [1_000, 10_000];
const HUGE_COUNTS = quick ? [1_000_000] : [1_000_000, 10_000_000];
const SCROLL_FRAMES = quick ? 30 : 300;
const MiB = 1024 * 1024;
const pause = (ms) => new Promise((done) => setTimeout(done, ms));

const started = Date.now();
const pagesDir = join(REPO_ROOT, 'bench/list/pages');
const dist = await buildPages({
  name: 'list',
  pages: Object.fromEntries(CONTENDERS.map((name) => [name, join(pagesDir, `${name}.tsx`)])),
});
const sizes = {};
for (const name of CONTENDERS) sizes[name] = await gzipSize(LIBRARY[name]);
const server = await serve(dist);
const browser = await launch();

async function load(contender, count, mode) {
  const session = await openPage(browser);
  await session.page.goto(`${server.origin}/${contender}.html?count=${count}&mode=${mode}`);
  await session.page.waitForFunction(() => window.__mountMs !== undefined, null, { timeout: 20_000 });
  await session.page.evaluate(PROBES);
  return session;
}

// The rAF probe sees rows before the frame's layout; first-contentful-paint is the frame that shows them, so
// a library that forces layout in its commit and one that leaves it to the frame are timed alike.
const paintMs = (page) =>
  page.evaluate(async () => {
    const paint = () => performance.getEntriesByName('first-contentful-paint')[0];
    while (!paint()) await new Promise((done) => setTimeout(done, 10));
    return paint().startTime - window.__mountStart;
  });

async function mountOnly(contender, count, mode) {
  const { page, cdp, close } = await load(contender, count, mode);
  await pause(100);
  const result = {
    size: sizes[contender],
    mountMs: await page.evaluate(() => window.__mountMs),
    paintMs: await paintMs(page),
    nodes: await page.evaluate(() => window.__lib.nodes()),
    heapMB: (await heapAfterGC(cdp)) / MiB,
  };
  await close();
  return result;
}

async function full(contender, count, mode) {
  const { page, cdp, close } = await load(contender, count, mode);
  await pause(100);
  const metrics = {
    size: sizes[contender],
    mountMs: await page.evaluate(() => window.__mountMs),
    paintMs: await paintMs(page),
    nodes: await page.evaluate(() => window.__lib.nodes()),
    heapMB: (await heapAfterGC(cdp)) / MiB,
  };
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const scroll = await recordFrames(page, () =>
    page.evaluate(([frames, step]) => window.__lib.scroll(frames, step), [SCROLL_FRAMES, 100]),
  );
  metrics.longFrames = scroll.longFrames;
  metrics.missedVsyncs = scroll.missedVsyncs;
  const middle = await page.evaluate(() => window.__lib.jump('middle'));
  await pause(400);
  const end = await page.evaluate(() => window.__lib.jump('end'));
  await pause(600);
  const blank = (samples) => samples.filter((value) => value < 1).length;
  metrics.midFirstRaf = middle.raf[0];
  metrics.midFirstLate = middle.late[0];
  metrics.blankRaf = blank(middle.raf) + blank(end.raf);
  metrics.blankLate = blank(middle.late) + blank(end.late);
  const flush = await page.evaluate(() => window.__lib.endFlush());
  metrics.endFlush = flush.flush;
  await page.evaluate(() => window.__lib.toTop());
  await pause(400);
  const target = count / 2;
  const landing = await page.evaluate((index) => window.__lib.scrollToIndex(index), target);
  const exactAt = landing.late.findIndex((error) => Math.abs(error) <= 1);
  metrics.exactFirstFrame = exactAt === 0;
  metrics.framesToExact = exactAt === -1 ? Number.NaN : exactAt + 1;
  await pause(500);
  metrics.landingErrorPx = Math.abs(await page.evaluate((index) => window.__lib.rowError(index), target));
  await close();
  return metrics;
}

async function huge(contender, count) {
  const { page, close } = await load(contender, count, 'fixed');
  const result = {
    mountMs: await page.evaluate(() => window.__mountMs),
    scrollHeight: await page.evaluate(() => window.__lib.scrollHeight()),
  };
  await page.evaluate((index) => window.__bench.scrollToIndex(index), count / 2);
  await pause(400);
  result.middleExact = Math.abs(await page.evaluate((index) => window.__lib.rowError(index), count / 2)) <= 1;
  await page.evaluate((index) => window.__bench.scrollToIndex(index), count - 1);
  await pause(400);
  result.lastByScrollToIndex = await page.evaluate(() => window.__lib.lastVisible());
  await page.evaluate(() => window.__lib.toTop());
  await pause(300);
  await page.evaluate(() => window.__lib.jump('end'));
  await pause(400);
  result.lastByScrollbar = await page.evaluate(() => window.__lib.lastVisible());
  await close();
  return result;
}

const MOUNT_METRICS = [
  { key: 'size', label: 'library min+gzip (bytes)', better: 'lower', digits: 0 },
  { key: 'mountMs', label: 'mount → first frame with rows (ms)', better: 'lower', digits: 1 },
  { key: 'paintMs', label: '… first contentful paint (ms)', better: 'lower', digits: 1 },
  { key: 'nodes', label: 'DOM nodes', better: 'lower', digits: 0 },
  { key: 'heapMB', label: 'JS heap after GC (MiB)', better: 'lower', digits: 2 },
];
const FULL_METRICS = [
  ...MOUNT_METRICS,
  { key: 'longFrames', label: `frames > 16.7 ms (of ${SCROLL_FRAMES}, 4x CPU)`, better: 'lower', digits: 0 },
  { key: 'missedVsyncs', label: 'missed vsyncs', better: 'lower', digits: 0 },
  { key: 'midFirstRaf', label: 'jump to middle: coverage 1st frame (rAF)', better: 'higher', digits: 2 },
  { key: 'midFirstLate', label: '… (late probe)', better: 'higher', digits: 2 },
  { key: 'blankRaf', label: 'blank frames after jumps mid+end, of 20 (rAF)', better: 'lower', digits: 0 },
  { key: 'blankLate', label: '… (late probe)', better: 'lower', digits: 0 },
  { key: 'endFlush', label: 'last row flush after jump to end' },
  { key: 'exactFirstFrame', label: 'scrollToIndex(count/2) exact in 1st frame' },
  { key: 'framesToExact', label: 'frames until exact', better: 'lower', digits: 0 },
  { key: 'landingErrorPx', label: 'settled landing error (px)', better: 'lower', digits: 1 },
];
const HUGE_METRICS = [
  { key: 'mountMs', label: 'mount (ms)', better: 'lower', digits: 1 },
  { key: 'scrollHeight', label: 'scrollHeight (px)', digits: 0 },
  { key: 'middleExact', label: 'scrollToIndex(count/2) lands exactly' },
  { key: 'lastByScrollToIndex', label: 'scrollToIndex(last) shows the last row' },
  { key: 'lastByScrollbar', label: 'scrollbar to the end shows the last row' },
];

const sections = [];
const collect = async (title, run, metrics, contenders = CONTENDERS) => {
  // Bare words pick scenarios by the id in parentheses: `node bench/list/run.mjs measured-100000`.
  if (only.length > 0 && !only.some((id) => title.endsWith(`(${id})`))) return;
  process.stderr.write(`${title}\n`);
  const results = await runRounds({ contenders, rounds, run });
  // Well-formed output, not timing targets: every page mounted and reported its metrics.
  const broken = results.filter((result) => !Number.isFinite(result.metrics.mountMs));
  if (broken.length > 0)
    throw new Error(`bench/list: no mount time from ${broken.map((r) => r.contender).join(', ')}`);
  sections.push(table({ title, results, metrics }));
};

try {
  for (const mode of ['fixed', 'measured']) {
    await collect(
      `${mode === 'fixed' ? 'Fixed 36 px rows' : 'Measured rows of 1–8 lines'}, ${FULL_COUNT.toLocaleString('en')} rows (${mode}-${FULL_COUNT})`,
      (contender) => full(contender, FULL_COUNT, mode),
      FULL_METRICS,
    );
    for (const count of SMALL_COUNTS)
      await collect(
        `${mode}, ${count.toLocaleString('en')} rows: mount (${mode}-${count})`,
        (contender) => mountOnly(contender, count, mode),
        MOUNT_METRICS,
      );
  }
  for (const count of HUGE_COUNTS)
    await collect(
      `${count.toLocaleString('en')} fixed rows of 36 px, past the browser's height cap (huge-${count})`,
      (contender) => huge(contender, count),
      HUGE_METRICS,
      quick ? ['perfkit'] : CONTENDERS,
    );
} finally {
  await browser.close();
  await server.close();
}

console.log(
  `Virtual list benchmark: ${rounds} round(s)${quick ? ', --quick' : ''}, Chromium ${browser.version()}, 800x600, contenders interleaved and rotated.`,
);
console.log('Cells: median (min–max) over rounds; last row: same-round ratio ours / best peer (median).\n');
console.log(sections.join('\n\n'));
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
