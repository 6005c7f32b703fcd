import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
/** @type {string} */
let distDir;
// A stand-in for the Vite build, so these tests do not depend on the client being built.
const script = `console.log(${JSON.stringify('perfkit '.repeat(400))});`;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'perfkit-demo-dist-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(
    join(distDir, 'index.html'),
    '<!doctype html><html><head><title>perfkit demo</title></head><body><div id="root"></div></body></html>',
  );
  // Vite's build manifest: the entry imports the router chunk; the Shop page imports VirtualList and it.
  await mkdir(join(distDir, '.vite'));
  await writeFile(
    join(distDir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-3f2a9c1b.js', isEntry: true, imports: ['_router.js'] },
      '_router.js': { file: 'assets/router-11111111.js' },
      'src/pages/Shop.tsx': { file: 'assets/Shop-22222222.js', imports: ['_VirtualList.js', '_router.js'] },
      '_VirtualList.js': { file: 'assets/VirtualList-33333333.js' },
    }),
  );
  await writeFile(join(distDir, 'assets', 'index-3f2a9c1b.js'), script);
  await writeFile(join(distDir, 'robots.txt'), 'User-agent: *\n');
  demo = await startDemo({ distDir, warmPhotos: false });
});
afterAll(async () => {
  await demo?.close();
  await rm(distDir, { recursive: true, force: true });
});

describe('serving the built client', () => {
  it('sends hashed assets as immutable for a year, brotli-compressed when the browser takes it', async () => {
    const response = await demo.request('/assets/index-3f2a9c1b.js', {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(await response.text()).toBe(script);
  });

  it('falls back to gzip for browsers without brotli', async () => {
    const response = await demo.request('/assets/index-3f2a9c1b.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    expect((await demo.request('/assets/index-00000000.js')).status).toBe(404);
  });

  it('revalidates HTML and unhashed files on every use', async () => {
    const home = await demo.request('/');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(await home.text()).toContain('perfkit demo');
    expect((await demo.request('/robots.txt')).headers.get('cache-control')).toBe('no-cache');
  });

  it("starts a page's code and first data with its HTML, leaving out what the entry already loads", async () => {
    const shop = await (await demo.request('/shop')).text();
    const head = shop.slice(0, shop.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" href="/assets/Shop-22222222.js">');
    expect(head).toContain('<link rel="modulepreload" href="/assets/VirtualList-33333333.js">');
    expect(head).not.toContain('router-11111111');
    // The first API answers are inlined, the same the API gives.
    const inline =
      head.match(/<script id="route-data" type="application\/json">(.*?)<\/script>/)?.[1] ?? '{}';
    const data = JSON.parse(inline);
    const products = await demo.getJson('/api/products?offset=0&limit=30');
    expect(data['/api/products?offset=0&limit=30']).toEqual(products.body);
    expect(data['/api/categories'].items.length).toBeGreaterThan(0);
    // The first row's images start with the HTML, as the card renders them (first source, same sizes).
    const first = products.body.items[0].image;
    expect(head).toContain(
      `<link rel="preload" as="image" href="${first.src}" imagesrcset="${first.sources[0].srcSet}" imagesizes="(min-width: 560px) 170px, calc(50vw - 34px)" type="image/avif" fetchpriority="high">`,
    );
    // Home's code is the entry itself; a query (a category) changes the data the page asks for.
    expect(await (await demo.request('/')).text()).not.toContain('route-data');
    expect(await (await demo.request('/shop?category=Garden')).text()).not.toContain('route-data');
  });

  it('answers client-side routes with the app shell', async () => {
    const response = await demo.request('/shop/products/42');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('compresses cached API answers too, on a HIT as on a MISS', async () => {
    const headers = { 'accept-encoding': 'br' };
    const miss = await demo.request('/api/products?limit=40&offset=40', { headers });
    const hit = await demo.request('/api/products?limit=40&offset=40', { headers });
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    expect(hit.headers.get('content-encoding')).toBe('br');
    expect(await hit.json()).toEqual(await miss.json());
  });
});
