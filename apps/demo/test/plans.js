// The API's hot queries with the parameters a client would send, and the index each must use. Checked on
// PGlite (db.test.js) and on a real PostgreSQL (server/postgres.test.js): the same SQL, the same plans.
import * as queries from '../server/db/queries.js';

const cursorAt = new Date('2026-10-01T00:00:00Z');

/** @type {[string, string, unknown[], string | RegExp][]} */
export const HOT_QUERY_PLANS = [
  // Nine posts in ten are public, so either index read newest first stops after 21 rows; Postgres takes
  // the narrower one. Later pages need the composite: the cursor becomes its index condition.
  ['feed, first page', queries.FEED_FIRST, [21], /Index Scan using posts_(visibility_)?created_at_idx/],
  ['feed, a later page', queries.FEED_AFTER, [cursorAt, 90000, 21], 'posts_visibility_created_at_idx'],
  ['comments of a post', queries.COMMENTS_FIRST, [42, 21], 'comments_post_id_created_at_idx'],
  [
    'comments of a post, next page',
    queries.COMMENTS_AFTER,
    [42, 21, cursorAt, 5],
    'comments_post_id_created_at_idx',
  ],
  [
    'newest messages of a conversation',
    queries.MESSAGES_NEWEST,
    [1, 51],
    'messages_conversation_created_at_idx',
  ],
  [
    'older messages of a conversation',
    queries.MESSAGES_BEFORE,
    [1, 101, new Date('2026-10-20T00:00:00Z'), 10000],
    'messages_conversation_created_at_idx',
  ],
  ['user by name', queries.USER_BY_NAME, ['user42'], 'users_username_idx'],
  ['a user’s post count', queries.USER_BY_NAME, ['user42'], 'posts_author_id_idx'],
  [
    'products by category, first page',
    queries.PRODUCTS_BY_CATEGORY,
    [60, 0, 'kitchen'],
    'Index Only Scan using products_category_id_covering_idx',
  ],
  [
    'products by category, deep in the grid',
    queries.PRODUCTS_BY_CATEGORY,
    [60, 540, 'kitchen'],
    'Index Only Scan using products_category_id_covering_idx',
  ],
  ['reviews of a product', queries.REVIEWS_OF_PRODUCT, [42], 'reviews_product_id_created_at_idx'],
];

// Reading all 3,000 users into a hash is fine; reading a table of 5,000 to 300,000 rows per request is not.
export const BIG_TABLE_SCAN = /Seq Scan on (posts|comments|messages|products|reviews)\b/;

/**
 * @param {import('../server/db/connect.js').Database} db
 * @param {string} sql
 * @param {unknown[]} params
 */
export async function explain(db, sql, params) {
  return (await db.query(`EXPLAIN ${sql}`, params)).map((row) => row['QUERY PLAN']).join('\n');
}
