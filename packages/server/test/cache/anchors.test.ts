import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheManager } from '../../src/index.js';
import { makeCache, newApp, type StoreKind, sleep, untilReady } from './helpers.js';

const binary = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe.each<StoreKind>(['memory', 'redis'])('given the %s store, the middleware', (kind) => {
  let cache: CacheManager;
  afterEach(async () => {
    await cache?.close();
  });

  async function counted(options: Parameters<CacheManager['middleware']>[0] = { ttl: 60 }) {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const calls = { count: 0 };
    const app = newApp();
    app.all(/.*/, cache.middleware(options), (req: Request, res: Response) => {
      calls.count++;
      res.json({ path: req.path, n: calls.count });
    });
    return { app, calls };
  }

  it('neither serves nor stores a request that says Cache-Control: no-store', async () => {
    const { app, calls } = await counted();
    const first = await request(app).get('/a').set('Cache-Control', 'no-store');
    expect(first.headers['x-cache']).toBe('BYPASS');
    expect((await request(app).get('/a')).headers['x-cache']).toBe('MISS');
    expect((await request(app).get('/a').set('Cache-Control', 'no-store')).body.n).toBe(3);
    expect(calls.count).toBe(3);
  });

  it('never caches PUT, PATCH or DELETE answers', async () => {
    const { app, calls } = await counted();
    for (const method of ['put', 'patch', 'delete'] as const) {
      await request(app)[method]('/m');
      expect((await request(app)[method]('/m')).headers['x-cache']).toBe('BYPASS');
    }
    expect(calls.count).toBe(6);
  });

  it('keys %2f and %2F alike but apart from "/", keeps ";" and letter case in the key', async () => {
    const { app, calls } = await counted();
    await request(app).get('/files/a%2fb');
    expect((await request(app).get('/files/a%2Fb')).headers['x-cache']).toBe('HIT');
    expect((await request(app).get('/files/a/b')).headers['x-cache']).toBe('MISS');
    expect((await request(app).get('/files/a%2fb;v=1')).headers['x-cache']).toBe('MISS');
    expect((await request(app).get('/Files/a%2fb')).headers['x-cache']).toBe('MISS');
    expect(calls.count).toBe(4);
  });

  it('round-trips a gzip body with its Content-Encoding, one entry per keyed Accept-Encoding', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const payload = JSON.stringify({ words: 'perfkit '.repeat(200) });
    const app = newApp();
    app.get('/z', cache.middleware({ ttl: 60, vary: ['accept-encoding'] }), (req, res) => {
      if (String(req.headers['accept-encoding']).includes('gzip')) {
        res.set('Content-Encoding', 'gzip').type('json').send(gzipSync(payload));
      } else {
        res.type('json').send(payload);
      }
    });
    await request(app)
      .get('/z')
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(binary as never);
    const hit = await request(app)
      .get('/z')
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(binary as never);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['content-encoding']).toBe('gzip');
    expect(hit.headers.vary).toMatch(/accept-encoding/i);
    const plain = await request(app).get('/z').set('Accept-Encoding', 'identity');
    expect(plain.headers['x-cache']).toBe('MISS');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(payload);
  });

  it('answers If-None-Match only from the entry of the same Vary value', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const app = newApp();
    app.get('/lang', cache.middleware({ ttl: 60, vary: ['accept-language'] }), (req, res) => {
      res.json({ lang: req.headers['accept-language'] });
    });
    const fr = await request(app).get('/lang').set('Accept-Language', 'fr');
    await request(app).get('/lang').set('Accept-Language', 'de');
    const frAgain = await request(app)
      .get('/lang')
      .set('Accept-Language', 'fr')
      .set('If-None-Match', fr.headers.etag as string);
    expect(frAgain.status).toBe(304);
    const deWithFrTag = await request(app)
      .get('/lang')
      .set('Accept-Language', 'de')
      .set('If-None-Match', fr.headers.etag as string);
    expect(deWithFrTag.status).toBe(200);
    expect(deWithFrTag.body.lang).toBe('de');
  });
});

describe('given a loader that hangs', () => {
  it('lets waiters give up after coalesceTimeoutMs and load on their own', async () => {
    const cache = makeCache('memory', { coalesceTimeoutMs: 100 });
    let loads = 0;
    const stuck = cache.wrap('feed', 'x', 60, async () => {
      loads++;
      await sleep(1000);
      return 'slow';
    });
    const started = Date.now();
    const waiter = await cache.wrap('feed', 'x', 60, async () => {
      loads++;
      return 'own';
    });
    expect(waiter).toBe('own');
    expect(Date.now() - started).toBeLessThan(600);
    expect(loads).toBe(2);
    expect(cache.stats().namespaces.feed?.coalesced).toBe(1);
    await stuck;
    await cache.close();
  });
});

describe('the memory store', () => {
  it('stays within its entry and byte budgets and starts no timer per key', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const byCount = makeCache('memory', { maxEntries: 100 });
    for (let i = 0; i < 1000; i++) await byCount.set('products', i, { i }, 60);
    expect(timers()).toBe(before);
    const kept = (
      await Promise.all(Array.from({ length: 1000 }, (_, i) => byCount.get('products', i)))
    ).filter((value) => value !== undefined);
    expect(kept).toHaveLength(100);
    expect(await byCount.get('products', 999)).toEqual({ i: 999 });
    const byBytes = makeCache('memory', { maxBytes: 64 * 1024 });
    for (let i = 0; i < 200; i++) await byBytes.set('products', i, 'x'.repeat(1000), 60);
    const store = byBytes.store as unknown as { bytes: number };
    expect(store.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(await byBytes.get('products', 0)).toBeUndefined();
    expect(await byBytes.get('products', 199)).toBe('x'.repeat(1000));
    await byCount.close();
    await byBytes.close();
  });
});
