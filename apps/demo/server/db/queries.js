// The API's hot queries, in one place: the routes run them, test/db.test.js checks their plans with EXPLAIN,
// and bench-indexes.js times them with and without the index set.

// The page of posts is chosen first, on posts alone, so the planner walks the feed's composite index in
// order and stops after LIMIT rows; authors and comment counts are then looked up for those rows only.
/** @param {string} where */
const feedPage = (where) => `SELECT p.id, p.body, p.image, p.like_count, p.created_at,
  u.id AS author_id, u.username, u.display_name,
  (SELECT count(*) FROM comments c WHERE c.post_id = p.id)::int AS comment_count
FROM (SELECT * FROM posts WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $LIMIT) p
JOIN users u ON u.id = p.author_id
ORDER BY p.created_at DESC, p.id DESC`;

/** The feed's first page: $1 limit. */
export const FEED_FIRST = feedPage(`visibility = 'public'`).replace('$LIMIT', '$1');

/** A later page of the feed: $1 created_at and $2 id of the last post seen, $3 limit. */
export const FEED_AFTER = feedPage(`visibility = 'public' AND (created_at, id) < ($1, $2)`).replace(
  '$LIMIT',
  '$3',
);

const COMMENT_COLUMNS = `SELECT c.id, c.body, c.created_at, u.id AS author_id, u.username, u.display_name
FROM comments c JOIN users u ON u.id = c.author_id`;

/** A post's comments, oldest first: $1 post id, $2 limit. */
export const COMMENTS_FIRST = `${COMMENT_COLUMNS}
WHERE c.post_id = $1 ORDER BY c.created_at, c.id LIMIT $2`;

/** …after the comment ($3 created_at, $4 id) that ended the previous page. */
export const COMMENTS_AFTER = `${COMMENT_COLUMNS}
WHERE c.post_id = $1 AND (c.created_at, c.id) > ($3, $4) ORDER BY c.created_at, c.id LIMIT $2`;

const MESSAGE_COLUMNS = `SELECT m.id, m.body, m.created_at, u.id AS sender_id, u.username, u.display_name
FROM messages m JOIN users u ON u.id = m.sender_id`;

/** A conversation's newest messages, newest first: $1 conversation id, $2 limit. */
export const MESSAGES_NEWEST = `${MESSAGE_COLUMNS}
WHERE m.conversation_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT $2`;

/** …older than the message ($3 created_at, $4 id) at the top of the previous page. */
export const MESSAGES_BEFORE = `${MESSAGE_COLUMNS}
WHERE m.conversation_id = $1 AND (m.created_at, m.id) < ($3, $4) ORDER BY m.created_at DESC, m.id DESC LIMIT $2`;

/** A public profile: $1 username. */
export const USER_BY_NAME = `SELECT u.id, u.username, u.display_name, u.role, u.created_at,
  (SELECT count(*) FROM posts p WHERE p.author_id = u.id AND p.visibility = 'public')::int AS post_count
FROM users u WHERE u.username = $1 AND u.is_active`;

/** One page of a category in the shop grid: $1 limit, $2 offset, $3 category. */
export const PRODUCTS_BY_CATEGORY = `SELECT id, name, category, price_cents, rating, image FROM products
WHERE category = $3 ORDER BY id LIMIT $1 OFFSET $2`;

/** …and of every product: $1 limit, $2 offset. */
export const PRODUCTS_ALL = `SELECT id, name, category, price_cents, rating, image FROM products
ORDER BY id LIMIT $1 OFFSET $2`;

/** A product's newest reviews: $1 product id. */
export const REVIEWS_OF_PRODUCT = `SELECT r.id, r.rating, r.body, r.created_at, u.id AS author_id, u.username, u.display_name
FROM reviews r JOIN users u ON u.id = r.author_id
WHERE r.product_id = $1 ORDER BY r.created_at DESC LIMIT 20`;
