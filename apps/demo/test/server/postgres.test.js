import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/db/connect.js';
import { BIG_TABLE_SCAN, explain, HOT_QUERY_PLANS } from '../plans.js';
import { startPostgres } from './postgres.js';
import { startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startPostgres>>} */
let postgres;
/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  postgres = await startPostgres();
  demo = await startDemo({ databaseUrl: postgres.url });
}, 120_000);
afterAll(async () => {
  await demo?.close();
  await postgres?.remove();
});

describe('given DATABASE_URL (a real PostgreSQL)', () => {
  it('seeds the same data and answers the API from it', async () => {
    expect(demo.demo.db.kind).toBe('postgres');
    expect(demo.demo.startup.seeded).toBe(true);
    const { status, body } = await demo.getJson('/api/posts?limit=3');
    expect(status).toBe(200);
    expect(body.items.map((post) => post.id)).toEqual([100000, 99999, 99998]);
    expect((await demo.getJson('/api/products?category=kitchen')).body.total).toBe(625);
  });

  it('seeds only once: a second start over the same database finds it ready', async () => {
    const again = await startDemo({ databaseUrl: postgres.url, warmPhotos: false });
    expect(again.demo.startup.seeded).toBe(false);
    await again.close();
  });

  it('plans every hot query with the same index as PGlite does', async () => {
    const db = await connectDatabase({ url: postgres.url });
    try {
      for (const [name, sql, params, index] of HOT_QUERY_PLANS) {
        const plan = await explain(db, sql, params);
        expect(plan, name).toMatch(index);
        expect(plan, name).not.toMatch(BIG_TABLE_SCAN);
      }
    } finally {
      await db.close();
    }
  });

  describe('when the database server goes down and comes back', () => {
    it('answers 503 meanwhile, keeps /healthz and cached answers, and recovers by itself', async () => {
      await demo.request('/api/products/321');
      await postgres.stop();

      const ready = await demo.getJson('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toBe('down');
      const down = await demo.getJson('/api/posts?limit=4');
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect((await demo.request('/healthz')).status).toBe(200);
      expect((await demo.request('/api/products/321')).headers.get('x-cache')).toBe('HIT');

      await postgres.start();
      expect((await demo.getJson('/readyz')).status).toBe(200);
      expect((await demo.getJson('/api/posts?limit=4')).status).toBe(200);
      expect(demo.errors).toEqual([]);
    });
  });
});
