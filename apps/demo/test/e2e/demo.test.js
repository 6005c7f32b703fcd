// The demo end to end, as a visitor goes through it: Home → Feed → Shop → Chat → Upload, in real Chromium
// against the real demo server (database, cache and image pipeline) over the production build.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../../scripts/start-demo.mjs';
import { chunkName, launchChromium } from './browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const PHOTO = join(here, '../../photos/city-kodim08.jpg');
const PAGE_CHUNKS = ['Feed', 'Shop', 'Product', 'Chat', 'Videos', 'Upload'];

describe('given the demo server over the production build', () => {
  let demo;
  let browser;
  let page;
  let step = 'home';
  /** Which test step first fetched each page chunk. */
  const chunkSteps = new Map();
  const problems = [];

  const nav = (name) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const apiResponse = (path, test = () => true) =>
    page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === path && test(url) && response.request().method() !== 'OPTIONS';
    });
  const countOf = (locator) => locator.count();

  beforeAll(async () => {
    if (!existsSync(join(here, '../../dist/index.html'))) {
      throw new Error('The e2e tests need the client build: run "npx vite build" in apps/demo first.');
    }
    demo = await startDemo();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    page.on('request', (request) => {
      const name = chunkName(request.url());
      if (name && !chunkSteps.has(name)) chunkSteps.set(name, step);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('Home shows its hero image at once and fetches no other page’s code', async () => {
    await page.goto(demo.url, { waitUntil: 'networkidle' });
    const hero = page.getByRole('img', { name: /red barn/ });
    await expect.poll(() => hero.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await hero.getAttribute('fetchpriority')).toBe('high');
    expect(PAGE_CHUNKS.filter((name) => chunkSteps.has(name))).toEqual([]);
  });

  it('pointing at a link in the navigation fetches that page’s code before the click', async () => {
    step = 'feed';
    const feedChunk = page.waitForRequest((request) => chunkName(request.url()) === 'Feed');
    await nav('Feed').hover();
    await feedChunk;
    expect(chunkSteps.has('Shop')).toBe(false);
  });

  it('Feed loads three more pages of posts, with their images, as the reader scrolls down', async () => {
    const firstPage = apiResponse('/api/posts');
    await nav('Feed').click();
    expect((await firstPage).headers()['x-cache']).toBeDefined();
    const posts = page.getByRole('feed', { name: 'Posts' }).getByRole('article');
    await expect.poll(() => countOf(posts)).toBeGreaterThanOrEqual(10);

    let nextPages = 0;
    const countNextPages = (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/api/posts' && url.searchParams.has('cursor') && response.ok()) nextPages++;
    };
    page.on('response', countNextPages);
    try {
      while (nextPages < 3) {
        const seen = nextPages;
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expect.poll(() => nextPages).toBeGreaterThan(seen);
      }
      await expect.poll(() => countOf(posts)).toBe(10 * (1 + nextPages));
    } finally {
      page.off('response', countNextPages);
    }
    // The images near the viewport have loaded; the box of each was reserved before (no layout shift).
    const loadedImages = await page.$$eval('.post img', (images) =>
      images.filter(
        (img) => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().top < innerHeight,
      ),
    );
    expect(loadedImages.length).toBeGreaterThan(0);
  });

  it('Shop renders only the products in view, fetches the pages it scrolls through, and opens a product', async () => {
    step = 'shop';
    await nav('Shop').click();
    await expect.poll(() => page.getByText(/^[\d,]+ products$/).textContent()).toMatch(/products/);
    const total = Number((await page.getByText(/^[\d,]+ products$/).textContent()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);
    const cells = page.getByRole('gridcell');
    await expect.poll(() => countOf(cells)).toBeGreaterThan(0);
    expect(await countOf(cells)).toBeLessThan(100);

    // Far down the grid: the page of products there is fetched by offset (not every page on the way),
    // and its cards render.
    const offsets = [];
    const recordOffset = (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/api/products') offsets.push(Number(url.searchParams.get('offset')));
    };
    page.on('response', recordOffset);
    try {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect.poll(() => Math.max(0, ...offsets)).toBeGreaterThan(total / 4);
    } finally {
      page.off('response', recordOffset);
    }
    expect(offsets.length).toBeLessThan(10);
    expect(await countOf(cells)).toBeLessThan(100);
    const card = page.getByRole('gridcell').getByRole('link').first();
    await expect.poll(() => card.isVisible()).toBe(true);

    const name = await card.textContent();
    await card.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    await expect.poll(() => page.getByRole('heading', { name: /^Reviews/ }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/^\/shop\/\d+$/);
  });

  it('Chat opens at the newest message and loads older ones when scrolled to the top', async () => {
    step = 'chat';
    await nav('Chat').click();
    const list = page.getByRole('list', { name: /^Messages in/ });
    // The element that scrolls holds the list (role="list" sits on the rows' window inside it).
    const scroller = page.locator('.chat__list > div');
    await expect.poll(() => countOf(list.getByRole('listitem'))).toBeGreaterThan(0);
    const atBottom = () =>
      scroller.evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight < 2);
    await expect.poll(atBottom).toBe(true);
    const setSize = () => list.getByRole('listitem').first().getAttribute('aria-setsize').then(Number);
    const before = await setSize();

    const olderPage = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname.endsWith('/messages') && url.searchParams.has('before');
    });
    await scroller.evaluate((box) => {
      box.scrollTop = 0;
    });
    expect((await olderPage).status()).toBe(200);
    await expect.poll(setSize).toBeGreaterThan(before);
    // The reader's place is kept: the older messages went in above the view, which did not stay at the top.
    expect(await scroller.evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
  });

  it('Chat: a sent message appears at the bottom of the conversation', async () => {
    const list = page.getByRole('list', { name: /^Messages in/ });
    await page.locator('.chat__list > div').evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
    const text = `Hello from the e2e test ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    const sent = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send' }).click();
    expect((await sent).status()).toBe(201);
    await expect.poll(() => list.getByText(text).isVisible()).toBe(true);
  });

  it('a second visit to Feed and Shop is answered from the server’s cache (X-Cache: HIT)', async () => {
    // A new browser context has an empty HTTP cache: within stale-while-revalidate the first visitor's own
    // browser would answer from its cache, and the server's cache would not be asked.
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const second = await context.newPage();
    second.on('pageerror', (error) => problems.push(`page error (second visit): ${error.message}`));
    const answer = (path) =>
      second.waitForResponse((response) => {
        const url = new URL(response.url());
        return (
          url.pathname === path && !url.searchParams.has('cursor') && url.searchParams.get('offset') !== '60'
        );
      });
    try {
      // From Home, so that Feed's first page is fetched by the client (a page loaded directly gets its
      // first answers inlined in the HTML).
      await second.goto(`${demo.url}/`);
      const feed = answer('/api/posts');
      await second.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }).click();
      expect((await feed).headers()['x-cache']).toBe('HIT');
      const shop = answer('/api/products');
      await second.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).click();
      expect((await shop).headers()['x-cache']).toBe('HIT');
    } finally {
      await context.close();
    }
  });

  it('Upload: a photo comes back with its sizes, placeholder and dominant colour, and every size is served', async () => {
    step = 'upload';
    await nav('Upload').click();
    await page.getByLabel(/^Photo/).setInputFiles(PHOTO);
    const uploaded = apiResponse('/api/uploads');
    await page.getByRole('button', { name: 'Upload' }).click();
    const response = await uploaded;
    expect(response.status()).toBe(201);
    const { sizes, dominantColor } = await response.json();
    expect(sizes.length).toBeGreaterThan(1);

    const rows = page.getByRole('table', { name: 'Responsive sizes' }).getByRole('row');
    await expect.poll(() => countOf(rows)).toBe(sizes.length + 1);
    expect(await page.getByRole('img', { name: /placeholder/ }).isVisible()).toBe(true);
    expect(await page.getByText(dominantColor, { exact: true }).isVisible()).toBe(true);
    for (const size of sizes) {
      const file = await page.request.get(new URL(size.url, demo.url).href);
      expect(file.status(), size.url).toBe(200);
      expect(file.headers()['content-type']).toBe(`image/${size.format === 'jpg' ? 'jpeg' : size.format}`);
      expect((await file.body()).length).toBe(size.bytes);
    }
  });

  it('fetched each page’s code only when that page was wanted, and never the unvisited Videos page', () => {
    expect(Object.fromEntries(chunkSteps)).toMatchObject({
      Feed: 'feed',
      Shop: 'shop',
      Product: 'shop',
      Chat: 'chat',
      Upload: 'upload',
    });
    expect(chunkSteps.has('Videos')).toBe(false);
  });

  it('logged no console errors and threw no page errors on the whole visit', () => {
    expect(problems).toEqual([]);
  });
});
