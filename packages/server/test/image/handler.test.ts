import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCacheManager, imageHandler } from '../../src/index.js';
import { LANDSCAPE_JPEG, LARGE_PNG, scratchDir } from './fixtures.js';
import { SVG_WITH_EXTERNAL_ENTITY, sidewaysPhoto } from './hostile.js';
import { startServer } from './server.js';

const HASHED_ID = '0123456789abcdef0123-photo.jpg';
let dir: { path: string; remove: () => Promise<void> };
let server: Awaited<ReturnType<typeof startServer>>;
let root: string;
let cacheDir: string;
const renders: { id: string; width: number; format: string }[] = [];

beforeAll(async () => {
  dir = await scratchDir('handler');
  root = join(dir.path, 'root');
  cacheDir = join(dir.path, 'cache');
  await mkdir(root);
  await copyFile(LANDSCAPE_JPEG, join(root, HASHED_ID));
  await copyFile(LARGE_PNG, join(root, 'desert.png'));
  await writeFile(join(root, 'drawing.svg'), SVG_WITH_EXTERNAL_ENTITY);
  await writeFile(join(root, 'sideways.jpg'), await sidewaysPhoto());
  await writeFile(join(dir.path, 'secret.jpg'), 'outside root');
  await symlink(join(dir.path, 'secret.jpg'), join(root, 'link.jpg'));
  server = await startServer((app) => {
    app.use('/img', imageHandler({ root, cacheDir, onRender: (info) => renders.push(info) }));
  });
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

function get(path: string, accept = 'image/avif,image/webp,*/*') {
  return request(server.url)
    .get(path)
    .set('accept', accept)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

describe('imageHandler', () => {
  it('negotiates AVIF, then WebP, then the source type from Accept, and says Vary: Accept', async () => {
    const cases: [string, string, string][] = [
      ['image/avif,image/webp,*/*', 'image/avif', 'heif'],
      ['image/webp,*/*', 'image/webp', 'webp'],
      ['image/avif;q=0,image/webp', 'image/webp', 'webp'],
      ['*/*', 'image/jpeg', 'jpeg'],
    ];
    for (const [accept, type, format] of cases) {
      const res = await get(`/img/${HASHED_ID}?w=400`, accept).expect(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers.vary).toBe('Accept');
      const meta = await sharp(res.body as Buffer).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([format, 400, 267]);
    }
    const png = await get('/img/desert.png?w=150', 'text/html').expect(200);
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('serves a photo stored sideways (EXIF orientation 6) upright, without EXIF or GPS', async () => {
    for (const accept of ['image/webp', '*/*']) {
      const res = await get('/img/sideways.jpg?w=400', accept).expect(200);
      const meta = await sharp(res.body as Buffer).metadata();
      expect([meta.width, meta.height, meta.orientation, meta.exif]).toEqual([
        400,
        600,
        undefined,
        undefined,
      ]);
      expect((res.body as Buffer).includes('PerfkitPhone')).toBe(false);
    }
  });

  it('marks content-hashed ids immutable for a year and other ids cacheable for an hour', async () => {
    const hashed = await get(`/img/${HASHED_ID}?w=150`).expect(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const named = await get('/img/desert.png?w=150').expect(200);
    expect(named.headers['cache-control']).toBe('public, max-age=3600');
    expect(named.headers['x-content-type-options']).toBe('nosniff');
  });

  it('renders each variant once, however many first requests arrive together', async () => {
    const before = renders.length;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => get('/img/desert.png?w=800', 'image/webp')),
    );
    expect(responses.map((res) => res.status)).toEqual(Array(8).fill(200));
    const bodies = new Set(responses.map((res) => (res.body as Buffer).toString('base64')));
    expect(bodies.size).toBe(1);
    expect(renders.slice(before)).toEqual([
      expect.objectContaining({ id: 'desert.png', width: 800, format: 'webp' }),
    ]);
    await get('/img/desert.png?w=800', 'image/webp').expect(200);
    expect(renders.length).toBe(before + 1);
    expect((await readdir(cacheDir)).some((name) => name.endsWith('.webp'))).toBe(true);
  });

  it('keys the cache on format, width and quality', async () => {
    const webp = await get('/img/desert.png?w=400&q=75', 'image/webp').expect(200);
    const higherQuality = await get('/img/desert.png?w=400&q=90', 'image/webp').expect(200);
    const png = await get('/img/desert.png?w=400&q=75', '*/*').expect(200);
    expect(webp.headers['content-type']).toBe('image/webp');
    expect(png.headers['content-type']).toBe('image/png');
    expect(Number(higherQuality.headers['content-length'])).toBeGreaterThan(
      Number(webp.headers['content-length']),
    );
  });

  it('refuses widths and qualities outside the allowlists with 400 JSON', async () => {
    for (const query of ['w=401', 'w=100000', 'w=abc', 'w=400&w=800', 'q=50', 'q=101']) {
      const res = await request(server.url).get(`/img/desert.png?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'PERFKIT_IMAGE_BAD_REQUEST' });
    }
    const res = await request(server.url).get('/img/desert.png?w=401');
    expect(res.body.message).toBe(
      'imageHandler: Expected w to be one of 150, 400, 800, 1920 but received "401".',
    );
  });

  it('never serves a file outside root: traversal, encoded traversal and symlinks get 4xx', async () => {
    const attempts = [
      '/img/../secret.jpg',
      '/img/..%2Fsecret.jpg',
      '/img/%2e%2e%2fsecret.jpg',
      '/img/..%5Csecret.jpg',
      '/img/.perfkit-cache',
      '/img/link.jpg',
    ];
    for (const path of attempts) {
      const res = await request(server.url).get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.text).not.toContain('outside root');
    }
  });

  it('answers unknown ids with 404 JSON and refuses to render an SVG source', async () => {
    const missing = await request(server.url).get('/img/nothing.jpg').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'PERFKIT_IMAGE_NOT_FOUND' });
    const svg = await request(server.url).get('/img/drawing.svg').expect(415);
    expect(svg.body.code).toBe('PERFKIT_IMAGE_UNSUPPORTED_TYPE');
  });

  it('ignores unknown query parameters, so they cannot bust the cache', async () => {
    const before = renders.length;
    await get(`/img/${HASHED_ID}?w=800&cachebust=1`, 'image/webp').expect(200);
    await get(`/img/${HASHED_ID}?w=800&cachebust=2`, 'image/webp').expect(200);
    expect(renders.length).toBe(before + 1);
  });
});

describe('imageHandler given a store', () => {
  it("keeps variants in the CacheManager's store instead of on disk, rendering each once", async () => {
    const cache = createCacheManager();
    const seen: string[] = [];
    const storeDir = await scratchDir('store');
    const app = await startServer((express) => {
      express.use(
        '/img',
        imageHandler({
          root,
          cacheDir: join(storeDir.path, 'unused'),
          store: cache.store,
          onRender: (info) => seen.push(info.id),
        }),
      );
    });
    const fetch = () =>
      request(app.url)
        .get('/img/desert.png?w=400')
        .set('accept', 'image/webp')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const first = await Promise.all([fetch(), fetch(), fetch(), fetch()]);
    const again = await fetch();
    expect([...first, again].map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(seen).toEqual(['desert.png']);
    expect((await sharp(again.body as Buffer).metadata()).width).toBe(400);
    expect(await readdir(storeDir.path)).toEqual([]);
    await app.close();
    await cache.close();
    await storeDir.remove();
  });

  it('still answers when the store fails, at the cost of a render', async () => {
    let renders = 0;
    const broken = {
      get: () => Promise.reject(new Error('store down')),
      set: () => Promise.reject(new Error('store down')),
    };
    const app = await startServer((express) => {
      express.use('/img', imageHandler({ root, store: broken, onRender: () => renders++ }));
    });
    await request(app.url).get('/img/desert.png?w=150').expect(200);
    await request(app.url).get('/img/desert.png?w=150').expect(200);
    expect(renders).toBe(2);
    await app.close();
  });
});
