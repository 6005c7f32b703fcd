-- Deterministic demo data, generated inside the database (no client round trips): every value is a
-- function of the row number, so two seeds give the same rows. Indexes are built afterwards (indexes.sql):
-- bulk loading into unindexed tables is several times faster.
INSERT INTO users (id, username, email, display_name, role, is_active, created_at)
SELECT i,
       'user' || i,
       'user' || i || '@example.test',
       (ARRAY['Ada','Grace','Linus','Barbara','Alan','Edsger','Frances','Ken','Margaret','Donald'])[1 + i % 10]
         || ' ' || (ARRAY['Lovelace','Hopper','Torvalds','Liskov','Turing','Dijkstra','Allen','Thompson','Hamilton','Knuth'])[1 + (i * 7) % 10],
       CASE WHEN i % 500 = 0 THEN 'admin' WHEN i % 50 = 0 THEN 'moderator' ELSE 'member' END,
       i % 23 <> 0,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '3 hours'
FROM generate_series(1, 3000) AS i;

INSERT INTO posts (id, author_id, body, image, visibility, like_count, created_at)
SELECT i,
       1 + (i::bigint * 7919) % 3000,
       (ARRAY['Morning light over','Notes from','A quiet corner of','First try at','Still thinking about','Weekend in','Sketching','Why I love'])[1 + i % 8]
         || ' ' || (ARRAY['the harbour','the old market','the studio','the hills','a tiny kitchen','the night train','the garden','the city'])[1 + (i * 3) % 8]
         || '. Post number ' || i || ' of the demo feed.',
       CASE WHEN i % 3 = 0 THEN NULL ELSE (ARRAY['portrait-kodim04','portrait-kodim18','city-kodim08','animal-kodim23','object-kodim20','landscape-kodim22','portrait-kodim15','texture-kodim13','vector-aliens','vector-desert'])[1 + (i * 13) % 10] END,
       CASE WHEN i % 31 = 0 THEN 'private' WHEN i % 11 = 0 THEN 'followers' ELSE 'public' END,
       (i::bigint * 2654435761) % 997,
       timestamptz '2026-11-01 00:00:00+00' - (100001 - i) * interval '5 minutes'
FROM generate_series(1, 100000) AS i;

INSERT INTO comments (id, post_id, author_id, body, created_at)
SELECT i,
       1 + (i::bigint * 48271) % 100000,
       1 + (i::bigint * 16807) % 3000,
       (ARRAY['Lovely!','Where is this?','Great colours.','Saved for later.','This made my day.','Which lens?','So calm.','Want to go there.'])[1 + i % 8],
       timestamptz '2026-11-01 00:00:00+00' - (300001 - i) * interval '100 seconds'
FROM generate_series(1, 300000) AS i;

INSERT INTO products (id, name, category, price_cents, image, rating, stock, created_at)
SELECT i,
       (ARRAY['Linen','Walnut','Copper','Canvas','Ceramic','Wool','Oak','Glass'])[1 + i % 8] || ' '
         || (ARRAY['lamp','chair','mug','tote','vase','blanket','shelf','bowl','print','clock'])[1 + (i * 7) % 10] || ' no. ' || i,
       (ARRAY['home','kitchen','decor','textiles','lighting','furniture','art','outdoor'])[1 + (i * 5) % 8],
       500 + (i::bigint * 7919) % 49500,
       (ARRAY['portrait-kodim04','portrait-kodim18','city-kodim08','animal-kodim23','object-kodim20','landscape-kodim22','portrait-kodim15','texture-kodim13','vector-aliens','vector-desert'])[1 + i % 10],
       round((2.5 + ((i * 31) % 26) / 10.0)::numeric, 1),
       (i * 13) % 40,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 hour'
FROM generate_series(1, 5000) AS i;

INSERT INTO reviews (id, product_id, author_id, rating, body, created_at)
SELECT i,
       1 + (i * 7) % 5000,
       1 + (i::bigint * 104729) % 3000,
       1 + (i * 17) % 5,
       (ARRAY['Exactly as pictured.','Arrived quickly, well packed.','Smaller than I expected.','Beautiful finish.','Would buy again.','The colour is richer in person.'])[1 + i % 6],
       timestamptz '2025-06-01 00:00:00+00' + i * interval '17 minutes'
FROM generate_series(1, 15000) AS i;

INSERT INTO conversations (id, title)
SELECT i, 'Conversation ' || i FROM generate_series(1, 20) AS i;

-- Conversation 1 holds half of the messages, so the chat page has thousands to page through.
INSERT INTO messages (id, conversation_id, sender_id, body, is_read, created_at)
SELECT i,
       CASE WHEN i % 2 = 0 THEN 1 ELSE 2 + i % 19 END,
       1 + (i % 2) * ((i / 2) % 7 + 1) + (i * 3) % 5,
       (ARRAY['Hi! Are we still on for tomorrow?','Yes, see you at ten.','Did you see the new photos?','On my way.','That sounds great','Can you send me the link?','Thanks!','Let me check and get back to you.','Ha, love it.','Running five minutes late.'])[1 + (i * 7) % 10]
         || ' (#' || i || ')',
       i < 19950,
       timestamptz '2026-10-01 00:00:00+00' + i * interval '2 minutes'
FROM generate_series(1, 20000) AS i;

INSERT INTO orders (id, user_id, status, total_cents, created_at)
SELECT i,
       1 + (i::bigint * 7919) % 3000,
       (ARRAY['delivered','delivered','delivered','delivered','shipped','pending'])[1 + i % 6],
       1000 + (i::bigint * 104729) % 90000,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '47 minutes'
FROM generate_series(1, 10000) AS i;
