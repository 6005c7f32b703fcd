// The shop: products by category for the virtualized grid (offset paging, the grid jumps anywhere),
// the category list, and one product with its newest reviews.
import { PRODUCTS_ALL, PRODUCTS_BY_CATEGORY, REVIEWS_OF_PRODUCT } from '../db/queries.js';
import { fromDatabase, notFound } from '../errors.js';
import { idParam, intQuery, stringQuery } from '../params.js';

const CATEGORY = { pattern: /^[a-z][a-z-]{0,39}$/, description: 'a category name such as "kitchen"' };

/**
 * @param {any} row
 * @param {import('@perfkit/server').ImageManifest | null | undefined} image
 */
function productOf(row, image) {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    priceCents: row.price_cents,
    rating: row.rating,
    image: image ?? null,
  };
}

/** @param {import('../app.js').Deps} deps */
export function registerProductRoutes({ app, db, cached, photos }) {
  const listApi = 'GET /api/products';
  app.get(
    '/api/products',
    cached({ strategy: 'PRODUCTS', query: ['category', 'offset', 'limit'] }),
    async (req, res) => {
      const category = stringQuery(listApi, req.query, 'category', CATEGORY);
      const offset = intQuery(listApi, req.query, 'offset', { min: 0, max: 1_000_000, fallback: 0 });
      const limit = intQuery(listApi, req.query, 'limit', { min: 1, max: 200, fallback: 60 });
      const [rows, [count]] = await fromDatabase(() =>
        Promise.all([
          category
            ? db.query(PRODUCTS_BY_CATEGORY, [limit, offset, category])
            : db.query(PRODUCTS_ALL, [limit, offset]),
          db.query(
            `SELECT count(*)::int AS total FROM products ${category ? 'WHERE category = $1' : ''}`,
            category ? [category] : [],
          ),
        ]),
      );
      const images = await photos.manifests(rows.map((row) => row.image));
      res.json({ items: rows.map((row) => productOf(row, images.get(row.image))), total: count.total });
    },
  );

  app.get('/api/categories', cached({ strategy: 'PRODUCTS', query: [] }), async (_req, res) => {
    const rows = await fromDatabase(() =>
      db.query('SELECT DISTINCT category FROM products ORDER BY category'),
    );
    res.json({ items: rows.map((row) => row.category) });
  });

  const detailApi = 'GET /api/products/:id';
  app.get(
    '/api/products/:id',
    cached({ strategy: 'PRODUCT_DETAILS', query: [], tags: ['product:{id}'] }),
    async (req, res) => {
      const id = idParam(detailApi, req.params.id, 'id');
      const [[row], reviews] = await fromDatabase(() =>
        Promise.all([
          db.query(
            'SELECT id, name, category, price_cents, rating, image, stock FROM products WHERE id = $1',
            [id],
          ),
          db.query(REVIEWS_OF_PRODUCT, [id]),
        ]),
      );
      if (!row) throw notFound(`${detailApi}: No product with the id ${id}.`);
      res.json({
        product: { ...productOf(row, await photos.manifest(row.image)), stock: row.stock },
        reviews: reviews.map((review) => ({
          id: review.id,
          author: { id: review.author_id, username: review.username, displayName: review.display_name },
          rating: review.rating,
          body: review.body,
          createdAt: review.created_at,
        })),
      });
    },
  );
}
