import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCacheManager } from '../../src/index.js';
import { freePort, type RedisProcess, startRedis } from '../setup/redis.js';
import { newApp, sleep, untilReady } from './helpers.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe('when Redis fails', () => {
  let redis: RedisProcess | undefined;
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await redis?.stop();
    redis = undefined;
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  function appWith(cache: ReturnType<typeof createCacheManager>) {
    let calls = 0;
    const app = newApp();
    app.get('/p/:id', cache.middleware({ ttl: 60 }), (req: Request, res: Response) => {
      calls++;
      res.json({ id: req.params.id });
    });
    return { app, calls: () => calls };
  }

  it('answers from the origin when Redis is killed mid-run, then caches again once it is back', async () => {
    redis = await startRedis();
    const cache = createCacheManager({
      redis: redis.url,
      prefix: 'kill:',
      circuitBreaker: { cooldownMs: 200 },
    });
    await untilReady(cache);
    const { app, calls } = appWith(cache);
    await request(app).get('/p/1');
    expect((await request(app).get('/p/1')).headers['x-cache']).toBe('HIT');
    const port = redis.port;
    await redis.stop();
    for (let i = 0; i < 20; i++) {
      const started = Date.now();
      const answer = await request(app).get(`/p/${i}`);
      expect(answer.status).toBe(200);
      expect(answer.body.id).toBe(String(i));
      expect(Date.now() - started).toBeLessThan(500);
    }
    expect(cache.stats().errors).toBeGreaterThan(0);
    // Nothing waits for Redis to return: the client queued no command while it was away.
    const client = (cache.store as unknown as { client: { offlineQueue: { length: number } } }).client;
    expect(client.offlineQueue.length).toBe(0);
    const before = calls();
    redis = await startRedis(port);
    await expect
      .poll(async () => (await request(app).get('/p/back')).headers['x-cache'], {
        timeout: 10_000,
        interval: 100,
      })
      .toBe('HIT');
    expect(calls()).toBeGreaterThan(before);
    expect(unhandled).toEqual([]);
    await cache.close();
  });

  it('serves from the origin at once when Redis is unreachable at start', async () => {
    const cache = createCacheManager({ redis: `redis://127.0.0.1:${await freePort()}`, prefix: 'boot:' });
    const { app, calls } = appWith(cache);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request(app).get(`/p/${i}`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls()).toBe(20);
    expect(cache.stats().errors).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
    await cache.close();
  });

  it('gives up on a slow Redis after the command timeout instead of waiting for it', async () => {
    redis = await startRedis();
    const cache = createCacheManager({ redis: redis.url, prefix: 'slow:' });
    await untilReady(cache);
    const { app } = appWith(cache);
    const admin = new Redis(redis.url);
    const blocking = admin.call('DEBUG', 'SLEEP', '1').catch(() => undefined);
    await sleep(20);
    const started = Date.now();
    const answer = await request(app).get('/p/9');
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(600);
    await blocking;
    admin.disconnect();
    await cache.close();
  });

  it('does not count a reply that arrived while the process was busy as a timeout', async () => {
    redis = await startRedis();
    const cache = createCacheManager({ redis: redis.url, prefix: 'busy:', commandTimeoutMs: 50 });
    await untilReady(cache);
    await cache.set('products', 1, { name: 'lamp' }, 60);
    const errors = cache.stats().errors;
    const read = cache.get('products', 1);
    // Block the event loop well past the deadline; Redis answers within a millisecond meanwhile.
    const until = Date.now() + 200;
    while (Date.now() < until) {}
    expect(await read).toEqual({ name: 'lamp' });
    expect(cache.stats().errors).toBe(errors);
    await cache.close();
  });

  it('keeps answering when Redis is out of memory (noeviction)', async () => {
    redis = await startRedis();
    const admin = new Redis(redis.url);
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await admin.config('SET', 'maxmemory', '1');
    const cache = createCacheManager({ redis: redis.url, prefix: 'oom:' });
    const { app, calls } = appWith(cache);
    await expect.poll(() => cache.stats().breaker).toBe('closed');
    await sleep(100);
    for (let i = 0; i < 3; i++) expect((await request(app).get(`/p/${i}`)).status).toBe(200);
    // Nothing could be stored, so a repeat goes to the origin again.
    const again = await request(app).get('/p/0');
    expect(again.status).toBe(200);
    expect(again.headers['x-cache']).toBe('MISS');
    expect(calls()).toBe(4);
    expect(cache.stats().errors).toBeGreaterThan(0);
    admin.disconnect();
    await cache.close();
  });
});
