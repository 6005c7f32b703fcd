import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_FIRST, USER_BY_NAME } from '../../server/db/queries.js';
import { freePort, startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  // A port nothing listens on: Redis is down before the server even starts.
  demo = await startDemo({ redisUrl: `redis://127.0.0.1:${await freePort()}` });
  // A process's first queries read the tables from disk; keep that out of the timings below.
  await demo.demo.db.query(FEED_FIRST, [4]);
  await demo.demo.db.query(USER_BY_NAME, ['user1']);
});
afterAll(() => demo?.close());

describe('given REDIS_URL names a Redis that is not there', () => {
  it('starts and answers every API request from the database, without waiting on Redis', async () => {
    for (const path of [
      '/api/posts?limit=3',
      '/api/posts?limit=3',
      '/api/products/9',
      '/api/conversations',
    ]) {
      const started = performance.now();
      const response = await demo.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache')).toBe('MISS');
      // With ioredis defaults a command waits through 20 reconnection attempts (10 s and more); the cache
      // gives up on Redis at once. The bound is loose because this machine is shared.
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });

  it('reports not ready until Redis is back', async () => {
    const ready = await demo.getJson('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ database: 'up', cache: 'down', cacheStore: 'redis' });
  });
});
