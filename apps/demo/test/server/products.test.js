import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

describe('GET /api/products', () => {
  it('answers 60 products and the total by default, each with an image manifest', async () => {
    const { status, body } = await demo.getJson('/api/products');
    expect(status).toBe(200);
    expect(body.total).toBe(5000);
    expect(body.items).toHaveLength(60);
    expect(body.items[0]).toEqual({
      id: 1,
      name: expect.any(String),
      category: expect.any(String),
      priceCents: expect.any(Number),
      rating: expect.any(Number),
      image: expect.objectContaining({ width: expect.any(Number), sources: expect.any(Array) }),
    });
  });

  it('filters by category and pages by offset', async () => {
    const all = await demo.getJson('/api/products?category=kitchen&limit=20');
    const second = await demo.getJson('/api/products?category=kitchen&offset=10&limit=10');
    expect(all.body.items.every((product) => product.category === 'kitchen')).toBe(true);
    expect(all.body.total).toBeGreaterThan(100);
    expect(all.body.total).toBeLessThan(5000);
    expect(second.body.items.map((p) => p.id)).toEqual(all.body.items.slice(10).map((p) => p.id));
  });

  it('answers an empty page past the end', async () => {
    const { body } = await demo.getJson('/api/products?offset=5000');
    expect(body).toEqual({ items: [], total: 5000 });
  });

  it.each([
    ['limit=201', 'Expected integer between 1 and 200 for limit but received "201" of type string.'],
    ['offset=-1', 'Expected integer between 0 and 1000000 for offset but received "-1" of type string.'],
    [
      'category=Kitchen%3B',
      'Expected a category name such as "kitchen" for category but received "Kitchen;" of type string.',
    ],
  ])('rejects %s with a 400', async (query, message) => {
    const { status, body } = await demo.getJson(`/api/products?${query}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'INVALID_PARAMETER', message: `GET /api/products: ${message}` } });
  });

  it('answers MISS then HIT, whatever unrelated query parameters a link adds', async () => {
    const miss = await demo.request('/api/products?category=art&offset=120&limit=30');
    const hit = await demo.request('/api/products?category=art&offset=120&limit=30&utm_source=mail');
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(hit.headers.get('x-cache')).toBe('HIT');
  });
});

describe('GET /api/categories', () => {
  it('lists every category once, sorted', async () => {
    const { body } = await demo.getJson('/api/categories');
    expect(body.items).toEqual([
      'art',
      'decor',
      'furniture',
      'home',
      'kitchen',
      'lighting',
      'outdoor',
      'textiles',
    ]);
  });
});

describe('GET /api/products/:id', () => {
  it('answers the product with its stock and newest reviews', async () => {
    const { status, body } = await demo.getJson('/api/products/42');
    expect(status).toBe(200);
    expect(body.product).toMatchObject({ id: 42, stock: expect.any(Number), image: expect.any(Object) });
    expect(body.reviews.length).toBeGreaterThan(0);
    expect(body.reviews[0]).toEqual({
      id: expect.any(Number),
      author: { id: expect.any(Number), username: expect.any(String), displayName: expect.any(String) },
      rating: expect.any(Number),
      body: expect.any(String),
      createdAt: expect.any(String),
    });
    const times = body.reviews.map((review) => Date.parse(review.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('answers 404 for an unknown product and 400 for a malformed id', async () => {
    const missing = await demo.getJson('/api/products/5001');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      code: 'NOT_FOUND',
      message: 'GET /api/products/:id: No product with the id 5001.',
    });
    const malformed = await demo.getJson('/api/products/abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe(
      'GET /api/products/:id: Expected positive integer for id but received "abc" of type string.',
    );
  });
});

describe('GET /api/users/:username', () => {
  it('answers the public profile', async () => {
    const { status, body } = await demo.getJson('/api/users/user42');
    expect(status).toBe(200);
    expect(body.user).toEqual({
      id: 42,
      username: 'user42',
      displayName: expect.any(String),
      role: 'member',
      createdAt: expect.any(String),
      postCount: expect.any(Number),
    });
  });

  it('answers 404 for an unknown user and 400 for a name that cannot exist', async () => {
    expect((await demo.getJson('/api/users/nobody_here')).status).toBe(404);
    const bad = await demo.getJson('/api/users/a%20b');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'GET /api/users/:username: Expected a username of 1 to 32 letters, digits or "_" for username but received "a b" of type string.',
    );
  });
});

describe('GET /api/videos', () => {
  it('lists the three clips with their poster and WebM source', async () => {
    const { body } = await demo.getJson('/api/videos');
    expect(body.items.map((video) => video.id)).toEqual(['clip-1', 'clip-2', 'clip-3']);
    expect(body.items[1]).toEqual({
      id: 'clip-2',
      title: expect.any(String),
      poster: '/videos/clip-2.jpg',
      sources: [{ src: '/videos/clip-2.webm', type: 'video/webm' }],
    });
  });
});

describe('GET /api/photos', () => {
  it('lists the sample photos with their credit and manifest', async () => {
    const { body } = await demo.getJson('/api/photos');
    expect(body.items).toHaveLength(10);
    expect(body.items.find((photo) => photo.id === 'portrait-kodim04')).toMatchObject({
      credit: 'Bob Clemens (Kodak PCD0992)',
      image: { width: 512, height: 768 },
    });
  });

  it('logs no unexpected server error', () => {
    expect(demo.errors).toEqual([]);
  });
});
