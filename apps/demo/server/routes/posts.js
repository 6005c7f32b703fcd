// The feed: public posts newest first, paged by keyset on (created_at, id), and each post's comments.
import { decodeCursor, encodeCursor } from '../cursor.js';
import { COMMENTS_AFTER, COMMENTS_FIRST, FEED_AFTER, FEED_FIRST } from '../db/queries.js';
import { fromDatabase, notFound } from '../errors.js';
import { idParam, intQuery } from '../params.js';
import { authorOf } from './author.js';

/** @param {import('../app.js').Deps} deps */
export function registerPostRoutes({ app, db, cache, cached, photos }) {
  const feedApi = 'GET /api/posts';
  app.get('/api/posts', cached({ strategy: 'POST_FEED', query: ['cursor', 'limit'] }), async (req, res) => {
    const limit = intQuery(feedApi, req.query, 'limit', { min: 1, max: 50, fallback: 20 });
    const cursor = decodeCursor(feedApi, req.query, 'cursor');
    // Two statements rather than one with "$1 IS NULL OR …", so each gets the plain index range scan.
    const rows = await fromDatabase(() =>
      cursor
        ? db.query(FEED_AFTER, [cursor.createdAt, cursor.id, limit + 1])
        : db.query(FEED_FIRST, [limit + 1]),
    );
    const page = rows.slice(0, limit);
    const images = await photos.manifests(page.map((row) => row.image));
    const last = page.at(-1);
    res.json({
      items: page.map((row) => ({
        id: row.id,
        author: authorOf(row),
        body: row.body,
        createdAt: row.created_at,
        likeCount: row.like_count,
        commentCount: row.comment_count,
        image: row.image === null ? null : (images.get(row.image) ?? null),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    });
  });

  const commentsApi = 'GET /api/posts/:id/comments';
  app.get(
    '/api/posts/:id/comments',
    cached({ strategy: 'COMMENTS', query: ['cursor', 'limit'], tags: ['post:{id}'] }),
    async (req, res) => {
      const postId = idParam(commentsApi, req.params.id, 'id');
      const limit = intQuery(commentsApi, req.query, 'limit', { min: 1, max: 50, fallback: 20 });
      const cursor = decodeCursor(commentsApi, req.query, 'cursor');
      const [post] = await fromDatabase(() =>
        db.query(`SELECT id FROM posts WHERE id = $1 AND visibility = 'public'`, [postId]),
      );
      if (!post) throw notFound(`${commentsApi}: No post with the id ${postId}.`);
      const rows = await fromDatabase(() =>
        cursor
          ? db.query(COMMENTS_AFTER, [postId, limit + 1, cursor.createdAt, cursor.id])
          : db.query(COMMENTS_FIRST, [postId, limit + 1]),
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      res.json({
        items: page.map((row) => ({
          id: row.id,
          author: authorOf(row),
          body: row.body,
          createdAt: row.created_at,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
      });
    },
  );

  const likeApi = 'POST /api/posts/:id/likes';
  // A like changes the post everywhere it is shown: the whole POST group (feed pages, post details,
  // comment threads) is cleared, after the update and before the answer goes out.
  app.post('/api/posts/:id/likes', cache.invalidate({ groups: ['POST'] }), async (req, res) => {
    const id = idParam(likeApi, req.params.id, 'id');
    const [row] = await fromDatabase(() =>
      db.query(
        `UPDATE posts SET like_count = like_count + 1 WHERE id = $1 AND visibility = 'public'
         RETURNING id, like_count`,
        [id],
      ),
    );
    if (!row) throw notFound(`${likeApi}: No post with the id ${id}.`);
    res.status(201).json({ id: row.id, likeCount: row.like_count });
  });
}
