// Times the API's hot queries with the index set and without it (primary keys stay), then puts the
// indexes back. `node server/bench-indexes.js` (stop the demo server first: PGlite opens a data directory
// from one process only), or with DATABASE_URL set for a real PostgreSQL.
//   --runs N   timed runs per query and phase (default 30); the median and the fastest are printed
//              (the fastest shows the query's own cost on a machine busy with other work).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectDatabase } from './db/connect.js';
import { migrate, readIndexSql } from './db/migrate.js';
import * as q from './db/queries.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '30' }, 'data-dir': { type: 'string' } },
});
const runs = Number(values.runs);
const dataDir = resolve(values['data-dir'] ?? join(import.meta.dirname, '../data'));

const cursor = new Date('2026-10-01T00:00:00Z');
/** @type {[string, string, unknown[]][]} */
const HOT_QUERIES = [
  ['feed, first page (GET /api/posts)', q.FEED_FIRST, [21]],
  ['feed, later page (?cursor=)', q.FEED_AFTER, [cursor, 90000, 21]],
  ['comments of a post', q.COMMENTS_FIRST, [4242, 21]],
  ['newest messages of a conversation', q.MESSAGES_NEWEST, [1, 51]],
  ['older messages (?before=)', q.MESSAGES_BEFORE, [1, 51, new Date('2026-10-10T00:00:00Z'), 7000]],
  ['user by name', q.USER_BY_NAME, ['user1234']],
  ['products by category, offset 540', q.PRODUCTS_BY_CATEGORY, [60, 540, 'kitchen']],
  ['reviews of a product', q.REVIEWS_OF_PRODUCT, [42]],
];

/** @param {number[]} times */
function summarise(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, min: sorted[0] ?? Number.NaN };
}

/** @param {import('./db/connect.js').Database} db */
async function measure(db) {
  /** @type {Map<string, { median: number, min: number }>} */
  const result = new Map();
  for (const [name, sql, params] of HOT_QUERIES) {
    await db.query(sql, params);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await db.query(sql, params);
      times.push(performance.now() - started);
    }
    result.set(name, summarise(times));
  }
  return result;
}

const db = await connectDatabase({ dataDir: join(dataDir, 'pglite') });
try {
  await migrate(db);
  const indexSql = await readIndexSql();
  const names = [...indexSql.matchAll(/CREATE (?:UNIQUE )?INDEX IF NOT EXISTS (\w+)/g)].map((m) => m[1]);
  console.log(`perfkit demo: hot queries, ${runs} warm runs each (${db.kind}), ms as median / fastest\n`);
  const withIndexes = await measure(db);
  await db.exec(names.map((name) => `DROP INDEX IF EXISTS ${name};`).join('\n'));
  await db.exec('ANALYZE');
  let withoutIndexes;
  try {
    withoutIndexes = await measure(db);
  } finally {
    const started = performance.now();
    await db.exec(indexSql);
    await db.exec('VACUUM ANALYZE products');
    await db.exec('ANALYZE');
    console.log(
      `(${names.length} indexes dropped, then rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
  }
  const none = { median: Number.NaN, min: Number.NaN };
  /** @param {{ median: number, min: number }} t */
  const ms = (t) => `${t.median.toFixed(2)} / ${t.min.toFixed(2)}`;
  const rows = HOT_QUERIES.map(([name]) => {
    const on = withIndexes.get(name) ?? none;
    const off = withoutIndexes?.get(name) ?? none;
    return {
      query: name,
      'with indexes': ms(on),
      without: ms(off),
      'x faster (median)': (off.median / on.median).toFixed(1),
    };
  });
  console.table(rows);
} finally {
  await db.close();
}
