import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

describe('health', () => {
  it('answers /healthz and /readyz while the database and the cache are up', async () => {
    expect((await demo.getJson('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await demo.getJson('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: { database: 'up', cache: 'up', cacheStore: 'memory' },
    });
  });
});

describe('given the database is gone', () => {
  beforeAll(async () => {
    // Warm one page first: cached answers keep being served while the database is away.
    await demo.request('/api/products?limit=5');
    await demo.demo.db.close();
  });

  it('answers /readyz 503 while /healthz stays 200', async () => {
    const ready = await demo.getJson('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ database: 'down', cache: 'up' });
    expect((await demo.request('/healthz')).status).toBe(200);
  });

  it('answers routes that need the database with a JSON 503 and Retry-After', async () => {
    for (const path of ['/api/posts?limit=9', '/api/products/77', '/api/conversations/2/messages?limit=9']) {
      const response = await demo.getJson(path);
      expect(response.status).toBe(503);
      expect(response.response.headers.get('retry-after')).toBe('5');
      expect(response.body.error.code).toBe('DATABASE_UNAVAILABLE');
    }
  });

  it('keeps serving cached answers, routes without the database, and images', async () => {
    const cached = await demo.request('/api/products?limit=5');
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    expect((await demo.request('/api/videos')).status).toBe(200);
    expect((await demo.request('/img/city-kodim08?w=150')).status).toBe(200);
  });

  it('logs nothing for the outage: it is expected, not a bug', () => {
    expect(demo.errors).toEqual([]);
  });
});
