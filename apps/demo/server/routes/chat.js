// Chat: conversations, their messages paged backwards in time (the newest page first, older ones on
// demand), and sending a message, which clears that conversation's cached pages.
import express from 'express';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { MESSAGES_BEFORE, MESSAGES_NEWEST } from '../db/queries.js';
import { fromDatabase, invalidParameter, notFound } from '../errors.js';
import { idParam, intQuery } from '../params.js';

const MAX_BODY = 2000;

/** @param {any} row */
function messageOf(row) {
  return {
    id: row.id,
    sender: { id: row.sender_id, username: row.username, displayName: row.display_name },
    body: row.body,
    createdAt: row.created_at,
  };
}

/** @param {import('../app.js').Deps} deps */
export function registerChatRoutes({ app, db, cache, cached }) {
  app.get('/api/conversations', cached({ strategy: 'NOTIFICATIONS', query: [] }), async (_req, res) => {
    const rows = await fromDatabase(() => db.query('SELECT id, title FROM conversations ORDER BY id'));
    res.json({ items: rows });
  });

  /** @param {string} api @param {number} id */
  async function assertConversation(api, id) {
    const [found] = await fromDatabase(() => db.query('SELECT id FROM conversations WHERE id = $1', [id]));
    if (!found) throw notFound(`${api}: No conversation with the id ${id}.`);
  }

  const listApi = 'GET /api/conversations/:id/messages';
  app.get(
    '/api/conversations/:id/messages',
    cached({
      strategy: 'NOTIFICATIONS',
      namespace: 'messages',
      query: ['before', 'limit'],
      tags: ['conversation:{id}'],
    }),
    async (req, res) => {
      const id = idParam(listApi, req.params.id, 'id');
      const limit = intQuery(listApi, req.query, 'limit', { min: 1, max: 100, fallback: 50 });
      const before = decodeCursor(listApi, req.query, 'before');
      await assertConversation(listApi, id);
      const rows = await fromDatabase(() =>
        before
          ? db.query(MESSAGES_BEFORE, [id, limit + 1, before.createdAt, before.id])
          : db.query(MESSAGES_NEWEST, [id, limit + 1]),
      );
      // Read newest first (the index order), shown oldest first: the page ends at the bottom of the chat.
      const page = rows.slice(0, limit).reverse();
      const oldest = page[0];
      res.json({
        items: page.map(messageOf),
        prevCursor: rows.length > limit && oldest ? encodeCursor(oldest.created_at, oldest.id) : null,
      });
    },
  );

  const sendApi = 'POST /api/conversations/:id/messages';
  app.post(
    '/api/conversations/:id/messages',
    express.json({ limit: '16kb' }),
    cache.invalidate({ tags: ['conversation:{id}'] }),
    async (req, res) => {
      const id = idParam(sendApi, req.params.id, 'id');
      const input = req.body;
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw invalidParameter(sendApi, 'a JSON object { senderId, body }', 'the request body', input);
      }
      const { senderId, body } = input;
      if (!Number.isInteger(senderId) || senderId < 1 || senderId > 2 ** 31 - 1) {
        throw invalidParameter(sendApi, 'positive integer', 'senderId', senderId);
      }
      if (typeof body !== 'string' || body.trim() === '' || body.length > MAX_BODY) {
        throw invalidParameter(sendApi, `non-empty string of at most ${MAX_BODY} characters`, 'body', body);
      }
      await assertConversation(sendApi, id);
      const [sender] = await fromDatabase(() =>
        db.query('SELECT id, username, display_name FROM users WHERE id = $1', [senderId]),
      );
      if (!sender) throw invalidParameter(sendApi, 'the id of an existing user', 'senderId', senderId);
      // Millisecond precision keeps keyset cursors (built from JS dates) exact, and never before the
      // conversation's last message keeps it at the bottom even if the clock is behind the seed data.
      const [row] = await fromDatabase(() =>
        db.query(
          `INSERT INTO messages (id, conversation_id, sender_id, body, is_read, created_at)
           SELECT nextval('messages_id_seq'), $1, $2, $3, false,
                  greatest(date_trunc('milliseconds', clock_timestamp()),
                           (SELECT max(created_at) + interval '1 millisecond' FROM messages WHERE conversation_id = $1))
           RETURNING id, body, created_at`,
          [id, senderId, body.trim()],
        ),
      );
      res.status(201).json({
        item: messageOf({
          ...row,
          sender_id: sender.id,
          username: sender.username,
          display_name: sender.display_name,
        }),
      });
    },
  );
}
