import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../server/db/connect.js';
import { migrate } from '../server/db/migrate.js';
import { BIG_TABLE_SCAN, explain, HOT_QUERY_PLANS } from './plans.js';
import { waitForDataDir } from './server/setup.js';

// The tests' own data directory, apart from the one `npm run demo` uses, so a running demo is no obstacle.
const dataDir = join(import.meta.dirname, '../data/test/pglite');
/** @type {import('../server/db/connect.js').Database} */
let db;

beforeAll(async () => {
  db = await waitForDataDir(() => connectDatabase({ url: '', dataDir }));
  await migrate(db);
});
afterAll(() => db?.close());

describe('the seeded database', () => {
  it('holds the deterministic demo data', async () => {
    const [counts] = await db.query(
      'SELECT (SELECT count(*) FROM posts)::int AS posts, (SELECT count(*) FROM comments)::int AS comments, ' +
        '(SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM messages)::int AS messages, ' +
        '(SELECT count(*) FROM users)::int AS users',
    );
    expect(counts).toEqual({ posts: 100000, comments: 300000, products: 5000, messages: 20000, users: 3000 });
  });

  it('refuses a second opening of the same data directory instead of corrupting it', async () => {
    await expect(connectDatabase({ url: '', dataDir })).rejects.toThrow(
      `connectDatabase: The data directory ${dataDir} is already open in this process.`,
    );
  });

  // The statements the API runs (server/db/queries.js), with the parameters a client would send.
  it.each(HOT_QUERY_PLANS)(
    'plans the %s with its index and no scan of a big table',
    async (_name, sql, params, index) => {
      const plan = await explain(db, sql, params);
      expect(plan).toMatch(index);
      expect(plan).not.toMatch(BIG_TABLE_SCAN);
    },
  );
});
