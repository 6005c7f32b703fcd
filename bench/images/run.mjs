// `node bench/images/run.mjs [--quick] [--rounds=N]`: 1,000 lazy images in a window-scrolled grid, ours
// against native loading="lazy", react-intersection-observer (useInView per cell) and
// react-lazy-load-image-component. Prints a Markdown table of medians, ranges and paired ratios.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildPages,
  countObservers,
  gzipSize,
  heapAfterGC,
  launch,
  openPage,
  parseArgs,
  recordFrames,
  runRounds,
  serve,
  table,
} from '../lib/harness.mjs';
import { featureCosts } from './feature-cost.mjs';
import { makeImages } from './makeImages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { quick, rounds, only } = parseArgs();
const count = quick ? 200 : 1000;
const contenders = ['perfkit', 'native', 'rio', 'rllic'].filter(
  (name) => only.length === 0 || only.includes(name),
);
const LIBRARIES = {
  perfkit: "export { LazyImage } from '@perfkit/react'",
  rio: "export { useInView } from 'react-intersection-observer'",
  rllic: "export { LazyLoadImage } from 'react-lazy-load-image-component'",
};

const imagesDir = await makeImages(count);
const dist = await buildPages({
  name: 'images',
  pages: Object.fromEntries(
    [...contenders, 'thumbhash'].map((name) => [name, join(here, 'pages', `${name}.jsx`)]),
  ),
});
const sizes = {};
for (const name of contenders) sizes[name] = LIBRARIES[name] ? await gzipSize(LIBRARIES[name]) : 0;

const server = await serve({ '/': dist, '/img/': imagesDir });
const browser = await launch();
const imageRequests = () => server.requests.filter((request) => request.path.startsWith('/img/'));

// Waits until no image request has started for `quietMs` (the page has settled), at most `maxMs`.
async function settle(quietMs = 500, maxMs = 5000) {
  const end = Date.now() + maxMs;
  let seen = -1;
  while (Date.now() < end) {
    const now = imageRequests().length;
    if (now === seen) return;
    seen = now;
    await new Promise((done) => setTimeout(done, quietMs));
  }
}

async function run(contender) {
  const session = await openPage(browser);
  const { page, cdp } = session;
  try {
    const observers = await countObservers(page);
    server.reset();
    await page.goto(`${server.origin}/${contender}.html?n=${count}`);
    await page.waitForFunction(() => window.__mountMs !== undefined);
    const mountMs = await page.evaluate(() => window.__mountMs);
    await settle();
    const before = imageRequests();
    const heapMB = (await heapAfterGC(cdp)) / 1024 / 1024;
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let blank = { empty: 0, samples: 0 };
    const frames = await recordFrames(page, async () => {
      blank = await page.evaluate(
        () =>
          new Promise((done) => {
            const result = { empty: 0, samples: 0 };
            // 4 x 5 points (one per column of cells); a point on a cell is empty unless its <img> has loaded,
            // a point in a 4 px gap between cells is not counted.
            const probe = () => {
              for (let x = 1; x <= 7; x += 2)
                for (let y = 1; y <= 5; y++) {
                  const cell = document
                    .elementFromPoint((innerWidth * x) / 8, (innerHeight * y) / 6)
                    ?.closest('.cell');
                  if (!cell) continue;
                  const img = cell.querySelector('img');
                  result.samples += 1;
                  if (!(img?.complete && img.naturalWidth > 0)) result.empty += 1;
                }
            };
            const step = () => {
              window.scrollBy(0, 120);
              probe();
              if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) done(result);
              else requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
          }),
      );
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return {
      bytes: sizes[contender],
      mountMs,
      observers: await observers(),
      requestsBefore: before.length,
      kbBefore: before.reduce((sum, request) => sum + request.bytes, 0) / 1024,
      domNodes,
      heapMB,
      framesToBottom: frames.frames,
      longFrames: frames.longFrames,
      missedVsyncs: frames.missedVsyncs,
      emptyShare: blank.samples ? blank.empty / blank.samples : Number.NaN,
    };
  } finally {
    await session.close();
  }
}

// ProgressiveImage decodes a hash on the main thread when its image starts loading: how long does one take?
async function timeThumbHashes(cpuThrottle) {
  const session = await openPage(browser, { cpuThrottle });
  try {
    await session.page.goto(`${server.origin}/thumbhash.html`);
    await session.page.waitForFunction(() => typeof window.__timeThumbHashes === 'function');
    const times = await session.page.evaluate((count) => window.__timeThumbHashes(count), quick ? 100 : 400);
    const at = (share) => times[Math.min(times.length - 1, Math.floor(times.length * share))];
    return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms`;
  } finally {
    await session.close();
  }
}

try {
  const results = await runRounds({ contenders, rounds, run });
  // What must hold whatever the machine's noise: every run measured, and ours on one shared observer.
  const broken = results.filter(
    ({ contender, metrics }) =>
      !Number.isFinite(metrics.mountMs) ||
      !Number.isFinite(metrics.emptyShare) ||
      metrics.requestsBefore === 0 ||
      (contender === 'perfkit' && metrics.observers !== 1),
  );
  if (broken.length > 0) {
    console.error(`bench images: malformed results ${JSON.stringify(broken)}`);
    process.exitCode = 1;
  }
  console.log(
    table({
      title: `${count} lazy images, 600x400 JPEGs, window-scrolled grid, 800x600 (${rounds} round${rounds > 1 ? 's' : ''})`,
      results,
      metrics: [
        { key: 'bytes', label: 'library min+gzip (B)', better: 'lower' },
        { key: 'mountMs', label: 'mount → first frame (ms)', better: 'lower', digits: 1 },
        { key: 'observers', label: 'IntersectionObservers', better: 'lower' },
        { key: 'requestsBefore', label: 'requests before scroll', better: 'lower' },
        { key: 'kbBefore', label: 'kB before scroll', better: 'lower', digits: 0 },
        { key: 'domNodes', label: 'DOM nodes', better: 'lower' },
        { key: 'heapMB', label: 'JS heap after GC (MB)', better: 'lower', digits: 2 },
        { key: 'framesToBottom', label: 'frames to bottom' },
        { key: 'longFrames', label: 'frames > 16.7 ms', better: 'lower' },
        { key: 'missedVsyncs', label: 'missed vsyncs (4x CPU)', better: 'lower' },
        { key: 'emptyShare', label: 'empty cells while scrolling', better: 'lower', digits: 3 },
      ],
    }),
  );
  console.log(
    `\nThumbHash → data URL per image (${quick ? 100 : 400} distinct hashes): 1x CPU ${await timeThumbHashes(1)}; ` +
      `4x CPU ${await timeThumbHashes(4)}.`,
  );
  console.log(
    '\nContenders: perfkit = LazyImage; native = <img loading="lazy">; rio = react-intersection-observer',
  );
  console.log(
    'useInView({ triggerOnce: true }) per cell; rllic = react-lazy-load-image-component LazyLoadImage.',
  );
  console.log(`\n${await featureCosts()}`);
} finally {
  await browser.close();
  await server.close();
}
