// `node bench/infinite/run.mjs [--quick] [--rounds=N] [contender…]`: the infinite-feed scenario of
// baseline-browser.md section E, ours side by side with the peers, each a Vite production page.
import { join } from 'node:path';
import {
  buildPages,
  formatBytes,
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

const { quick, rounds, only } = parseArgs();
const ALL = [
  'perfkit',
  'perfkit-virtual',
  'react-infinite-scroll-component',
  'react-virtuoso',
  'tanstack',
  'sentinel',
];
const contenders = only.length > 0 ? ALL.filter((name) => only.includes(name)) : ALL;
const pagesDir = join(REPO_ROOT, 'bench/infinite/pages');
const total = quick ? 200 : 2000;
const delays = quick ? [30] : [300, 30];
const scrollLimitMs = quick ? 8000 : 60_000;
const behaviourMs = quick ? 1000 : 5000;

const dist = await buildPages({
  name: 'infinite',
  pages: Object.fromEntries(contenders.map((name) => [name, join(pagesDir, `${name}.tsx`)])),
});
const server = await serve(dist);
const browser = await launch();

const feed = (page) => page.evaluate(() => ({ ...window.__feed }));

async function open(contender, query, cpuThrottle) {
  const session = await openPage(browser, { cpuThrottle });
  await session.page.goto(`${server.origin}/${contender}.html?${new URLSearchParams(query)}`);
  return session;
}

/** Scrolls 200 px per frame until every item is committed (or the limit): the fast-scroll case. */
async function fastScroll(contender, delay) {
  const { page, cdp, close } = await open(contender, { delay, total }, 4);
  let elapsed = 0;
  const frames = await recordFrames(page, async () => {
    elapsed = await page.evaluate(
      ({ total, limit }) =>
        new Promise((resolve) => {
          const started = performance.now();
          const step = () => {
            const done = document.querySelectorAll('article').length > 0 && window.__feed.items >= total;
            if (done || performance.now() - started > limit) return resolve(performance.now() - started);
            window.scrollBy(0, 200);
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
      { total, limit: scrollLimitMs },
    );
  });
  const stats = await feed(page);
  const heap = await heapAfterGC(cdp);
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await close();
  return {
    calls: stats.calls,
    overlapping: stats.overlapping,
    duplicates: stats.duplicates,
    reachedEnd: stats.items >= total,
    seconds: (elapsed + 0) / 1000,
    missedVsyncs: frames.missedVsyncs,
    domNodes,
    heapMB: heap / 1024 / 1024,
  };
}

/** Watches the page for `ms` without scrolling (short first page) or while scrolling (failures). */
async function behaviour(contender, query, { scroll }) {
  const { page, close } = await open(contender, { delay: 30, total, ...query }, 1);
  await page.evaluate(
    ({ ms, scroll }) =>
      new Promise((resolve) => {
        const started = performance.now();
        const step = () => {
          if (performance.now() - started > ms) return resolve();
          if (scroll) window.scrollBy(0, 200);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { ms: behaviourMs, scroll },
  );
  const during = await feed(page);
  await page.waitForTimeout(scroll ? behaviourMs : 0);
  const after = await feed(page);
  await close();
  return { during, after };
}

async function run(contender) {
  const metrics = {};
  for (const delay of delays) {
    const result = await fastScroll(contender, delay);
    for (const [key, value] of Object.entries(result)) metrics[`${key}${delay}`] = value;
  }
  const short = await behaviour(contender, { firstPage: 3 }, { scroll: false });
  metrics.shortFills = short.during.items > 3;
  metrics.shortItems = short.during.items;
  metrics.shortCalls = short.during.calls;
  const once = await behaviour(contender, { fail: 'once' }, { scroll: true });
  metrics.onceRecovers = once.during.items > 40;
  const always = await behaviour(contender, { fail: 'always', healAfter: behaviourMs }, { scroll: true });
  metrics.failingCalls = always.during.calls - 2;
  metrics.alwaysRecovers = always.after.items > 40;
  return metrics;
}

try {
  const results = await runRounds({ contenders, rounds, run });
  const ours = 'perfkit';
  for (const delay of delays) {
    console.log(
      `${table({
        title: `Fast scroll to ${total} items, ${delay} ms loader, 200 px per frame, 4x CPU (${rounds} round${rounds > 1 ? 's' : ''})`,
        results,
        ours,
        metrics: [
          { key: `calls${delay}`, label: 'loader calls' },
          { key: `overlapping${delay}`, label: 'calls while one in flight', better: 'lower' },
          { key: `duplicates${delay}`, label: 'duplicate pages' },
          { key: `reachedEnd${delay}`, label: `reached ${total}` },
          { key: `seconds${delay}`, label: `time to ${total} items (s)`, better: 'lower', digits: 1 },
          { key: `missedVsyncs${delay}`, label: 'missed vsyncs', better: 'lower' },
          { key: `domNodes${delay}`, label: 'DOM nodes at end', better: 'lower' },
          { key: `heapMB${delay}`, label: 'heap after GC (MB)', better: 'lower', digits: 2 },
        ],
      })}\n`,
    );
  }
  console.log(
    `${table({
      title: `Behaviour (${behaviourMs / 1000} s windows, 30 ms loader)`,
      results,
      ours,
      metrics: [
        { key: 'shortFills', label: '3-item first page fills by itself' },
        { key: 'shortItems', label: 'items after the short first page' },
        { key: 'shortCalls', label: 'calls' },
        { key: 'onceRecovers', label: '3rd call rejects once: recovers' },
        { key: 'failingCalls', label: 'calls while every call fails', better: 'lower' },
        { key: 'alwaysRecovers', label: 'recovers once healed' },
      ],
    })}\n`,
  );
  const sizes = {
    'perfkit InfiniteScroll': "export { InfiniteScroll } from '@perfkit/react'",
    'perfkit useInfiniteLoader': "export { useInfiniteLoader } from '@perfkit/react'",
    'perfkit useInfiniteLoader + VirtualList':
      "export { useInfiniteLoader, VirtualList } from '@perfkit/react'",
    'react-infinite-scroll-component': "export { default } from 'react-infinite-scroll-component'",
    'react-intersection-observer useInView': "export { useInView } from 'react-intersection-observer'",
    'react-virtuoso Virtuoso': "export { Virtuoso } from 'react-virtuoso'",
    '@tanstack/react-virtual useWindowVirtualizer':
      "export { useWindowVirtualizer } from '@tanstack/react-virtual'",
  };
  console.log('### Library size (min+gzip, bundled alone, React external)\n');
  console.log('| library | size |\n| --- | --- |');
  for (const [name, code] of Object.entries(sizes)) {
    const bytes = await gzipSize(code);
    console.log(`| ${name} | ${bytes.toLocaleString('en')} B (${formatBytes(bytes)}) |`);
  }
} finally {
  await browser.close();
  await server.close();
}
