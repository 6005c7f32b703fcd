-- The demo's schema. Plain PostgreSQL: the same file runs on PGlite and on a real server (DATABASE_URL).
CREATE TABLE IF NOT EXISTS users (
  id integer PRIMARY KEY,
  username text NOT NULL,
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL DEFAULT 'member',
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS posts (
  id integer PRIMARY KEY,
  author_id integer NOT NULL REFERENCES users (id),
  body text NOT NULL,
  image text,
  visibility text NOT NULL DEFAULT 'public',
  like_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS comments (
  id integer PRIMARY KEY,
  post_id integer NOT NULL REFERENCES posts (id),
  author_id integer NOT NULL REFERENCES users (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS products (
  id integer PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  price_cents integer NOT NULL,
  image text NOT NULL,
  rating real NOT NULL,
  stock integer NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS reviews (
  id integer PRIMARY KEY,
  product_id integer NOT NULL REFERENCES products (id),
  author_id integer NOT NULL REFERENCES users (id),
  rating smallint NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS conversations (
  id integer PRIMARY KEY,
  title text NOT NULL
);

CREATE TABLE IF NOT EXISTS messages (
  id integer PRIMARY KEY,
  conversation_id integer NOT NULL REFERENCES conversations (id),
  sender_id integer NOT NULL REFERENCES users (id),
  body text NOT NULL,
  is_read boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL
);
-- Ids of messages sent through the API (the seed numbers its own rows); migrate.js moves it past them.
CREATE SEQUENCE IF NOT EXISTS messages_id_seq OWNED BY messages.id;

CREATE TABLE IF NOT EXISTS orders (
  id integer PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  status text NOT NULL,
  total_cents integer NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS files (
  id serial PRIMARY KEY,
  owner_id integer REFERENCES users (id),
  original_name text NOT NULL,
  manifest jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS demo_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
