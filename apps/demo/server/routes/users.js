// A user's public profile by username.
import { USER_BY_NAME } from '../db/queries.js';
import { fromDatabase, invalidParameter, notFound } from '../errors.js';

const USERNAME = /^[A-Za-z0-9_]{1,32}$/;

/** @param {import('../app.js').Deps} deps */
export function registerUserRoutes({ app, db, cached }) {
  const api = 'GET /api/users/:username';
  app.get(
    '/api/users/:username',
    cached({ strategy: 'USER_PROFILE', query: [], tags: ['user:{username}'] }),
    async (req, res) => {
      const username = String(req.params.username);
      if (!USERNAME.test(username)) {
        throw invalidParameter(api, 'a username of 1 to 32 letters, digits or "_"', 'username', username);
      }
      const [row] = await fromDatabase(() => db.query(USER_BY_NAME, [username]));
      if (!row) throw notFound(`${api}: No user named ${JSON.stringify(username)}.`);
      res.json({
        user: {
          id: row.id,
          username: row.username,
          displayName: row.display_name,
          role: row.role,
          createdAt: row.created_at,
          postCount: row.post_count,
        },
      });
    },
  );
}
