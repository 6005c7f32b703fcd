-- The index set, one line per hot query or lookup. Kept apart from the schema so the benchmark can drop
-- and recreate it (`npm run bench:db --workspace apps/demo`).
-- users: lookup by name and email (unique), filters by role, and the active minority as a partial index.
CREATE UNIQUE INDEX IF NOT EXISTS users_username_idx ON users (username);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_idx ON users (email);
CREATE INDEX IF NOT EXISTS users_role_idx ON users (role);
CREATE INDEX IF NOT EXISTS users_inactive_idx ON users (id) WHERE NOT is_active;
-- posts: by author, by visibility, newest first, and the feed's keyset (visibility, created_at, id).
CREATE INDEX IF NOT EXISTS posts_author_id_idx ON posts (author_id);
CREATE INDEX IF NOT EXISTS posts_visibility_idx ON posts (visibility);
CREATE INDEX IF NOT EXISTS posts_created_at_idx ON posts (created_at DESC);
CREATE INDEX IF NOT EXISTS posts_visibility_created_at_idx ON posts (visibility, created_at DESC, id DESC);
-- comments: a post's thread in order, by author, newest first.
CREATE INDEX IF NOT EXISTS comments_post_id_created_at_idx ON comments (post_id, created_at);
CREATE INDEX IF NOT EXISTS comments_author_id_idx ON comments (author_id);
CREATE INDEX IF NOT EXISTS comments_created_at_idx ON comments (created_at DESC);
-- messages: a conversation paged upwards, by sender, unread ones (partial: most are read).
CREATE INDEX IF NOT EXISTS messages_conversation_created_at_idx ON messages (conversation_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS messages_sender_id_idx ON messages (sender_id);
CREATE INDEX IF NOT EXISTS messages_unread_idx ON messages (conversation_id) WHERE NOT is_read;
-- products: a category in id order, covering the grid's columns so a page is an index-only scan at any
-- offset (a plain (category, id) index loses to the primary key on a table this small).
DROP INDEX IF EXISTS products_category_id_idx;
CREATE INDEX IF NOT EXISTS products_category_id_covering_idx ON products (category, id)
  INCLUDE (name, price_cents, rating, image);
-- products: the in-stock ones by price.
CREATE INDEX IF NOT EXISTS products_in_stock_price_idx ON products (price_cents) WHERE stock > 0;
CREATE INDEX IF NOT EXISTS reviews_product_id_created_at_idx ON reviews (product_id, created_at DESC);
-- orders and files: a user's history.
CREATE INDEX IF NOT EXISTS orders_user_id_created_at_idx ON orders (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status) WHERE status <> 'delivered';
CREATE INDEX IF NOT EXISTS files_owner_id_created_at_idx ON files (owner_id, created_at DESC);
