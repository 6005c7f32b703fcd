// `node bench/list/floor.mjs [--rounds=N]`: JS heap after GC at 100,000 fixed rows for ours, react-window and
// the floor (React rendering the 21 visible rows with no library), interleaved. Shows how much of a list's
// heap is the list's own.
import { join } from 'node:path';
import { buildPages, heapAfterGC, launch, openPage, parseArgs, REPO_ROOT, serve } from '../lib/harness.mjs';

const { rounds } = parseArgs();
const pages = {
  'static-rows': join(REPO_ROOT, 'bench/list/floor/static-rows.tsx'),
  perfkit: join(REPO_ROOT, 'bench/list/pages/perfkit.tsx'),
  'react-window': join(REPO_ROOT, 'bench/list/pages/react-window.tsx'),
};
const dist = await buildPages({ name: 'list-floor', pages });
const server = await serve(dist);
const browser = await launch();
const heaps = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const name of Object.keys(pages)) {
    const { page, cdp, close } = await openPage(browser);
    await page.goto(`${server.origin}/${name}.html?count=100000&mode=fixed`);
    await page.waitForFunction(() => window.__mountMs !== undefined);
    await new Promise((done) => setTimeout(done, 300));
    heaps[name].push((await heapAfterGC(cdp)) / 1024 / 1024);
    await close();
  }
}
await browser.close();
server.close();
const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`| page (100,000 fixed rows) | JS heap after GC, median of ${rounds} (MiB) |\n| --- | --- |`);
for (const [name, values] of Object.entries(heaps)) console.log(`| ${name} | ${median(values).toFixed(2)} |`);
