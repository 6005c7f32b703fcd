import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, startRedis } from './setup.js';

/** @type {Awaited<ReturnType<typeof startRedis>>} */
let redis;
/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  redis = await startRedis();
  demo = await startDemo({ redisUrl: redis.url });
});
afterAll(async () => {
  await demo?.close();
  await redis?.stop();
});

describe('given REDIS_URL', () => {
  it('caches in Redis: MISS, then HIT', async () => {
    const ready = await demo.getJson('/readyz');
    expect(ready.body.checks).toEqual({ database: 'up', cache: 'up', cacheStore: 'redis' });
    expect((await demo.request('/api/products/11')).headers.get('x-cache')).toBe('MISS');
    expect((await demo.request('/api/products/11')).headers.get('x-cache')).toBe('HIT');
  });

  describe('when Redis goes down', () => {
    beforeAll(async () => {
      await redis.stop();
    });

    it('still answers every API request, from the database', async () => {
      for (const path of ['/api/products/11', '/api/products/12', '/api/posts?limit=4', '/api/categories']) {
        const response = await demo.request(path);
        expect(response.status).toBe(200);
        expect(response.headers.get('x-cache')).toBe('MISS');
      }
    });

    it('reports not ready on /readyz, with the cache named', async () => {
      const ready = await demo.getJson('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toMatchObject({ database: 'up', cache: 'down' });
    });
  });
});
