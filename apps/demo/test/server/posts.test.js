import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  demo = await startDemo();
});
/** Likes given by these tests, taken back afterwards so the shared database stays as seeded. */
const liked = [];
afterAll(async () => {
  for (const id of liked)
    await demo?.demo.db.query('UPDATE posts SET like_count = like_count - 1 WHERE id = $1', [id]);
  await demo?.close();
});

describe('GET /api/posts', () => {
  it('answers the newest public posts first with their author, counts and image manifest', async () => {
    const { status, body } = await demo.getJson('/api/posts');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(20);
    const [first] = body.items;
    expect(Object.keys(first).sort()).toEqual(
      ['author', 'body', 'commentCount', 'createdAt', 'id', 'image', 'likeCount'].sort(),
    );
    expect(first.author).toEqual({
      id: expect.any(Number),
      username: expect.any(String),
      displayName: expect.any(String),
    });
    const times = body.items.map((post) => Date.parse(post.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const withImage = body.items.find((post) => post.image !== null);
    expect(withImage.image).toMatchObject({
      width: expect.any(Number),
      height: expect.any(Number),
      src: expect.stringMatching(/^\/images\//),
      placeholder: {
        color: expect.stringMatching(/^#[0-9a-f]{6}$/),
        dataURL: expect.stringMatching(/^data:image\//),
      },
    });
    // AVIF first, WebP as the fallback, each as a width ladder.
    expect(withImage.image.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    for (const source of withImage.image.sources) expect(source.srcSet).toMatch(/^\S+ 320w, /);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('pages by cursor without gaps or repeats', async () => {
    const whole = await demo.getJson('/api/posts?limit=30');
    const first = await demo.getJson('/api/posts?limit=10');
    const second = await demo.getJson(`/api/posts?limit=10&cursor=${first.body.nextCursor}`);
    const third = await demo.getJson(`/api/posts?limit=10&cursor=${second.body.nextCursor}`);
    const paged = [...first.body.items, ...second.body.items, ...third.body.items].map((post) => post.id);
    expect(paged).toEqual(whole.body.items.map((post) => post.id));
  });

  it('serves the generated image files of a manifest, cacheable forever', async () => {
    const { body } = await demo.getJson('/api/posts?limit=5');
    const image = body.items.find((post) => post.image).image;
    const response = await demo.request(image.src);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers MISS and then HIT for the same page', async () => {
    const path = `/api/posts?limit=7&cursor=${(await demo.getJson('/api/posts?limit=3')).body.nextCursor}`;
    const miss = await demo.getJson(path);
    const hit = await demo.getJson(path);
    expect(miss.response.headers.get('x-cache')).toBe('MISS');
    expect(hit.response.headers.get('x-cache')).toBe('HIT');
    expect(hit.body).toEqual(miss.body);
  });

  it.each([
    [
      'limit=0',
      'GET /api/posts: Expected integer between 1 and 50 for limit but received "0" of type string.',
    ],
    [
      'limit=51',
      'GET /api/posts: Expected integer between 1 and 50 for limit but received "51" of type string.',
    ],
    [
      'limit=ten',
      'GET /api/posts: Expected integer between 1 and 50 for limit but received "ten" of type string.',
    ],
    [
      'limit=5&limit=6',
      'GET /api/posts: Expected integer between 1 and 50 for limit but received an array of type array.',
    ],
    [
      'cursor=bm9wZQ',
      'GET /api/posts: Expected a cursor returned by the previous page for cursor but received "bm9wZQ" of type string.',
    ],
  ])('rejects %s with a 400 naming the parameter', async (query, message) => {
    const { status, body } = await demo.getJson(`/api/posts?${query}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'INVALID_PARAMETER', message } });
  });
});

describe('GET /api/posts/:id/comments', () => {
  it('answers the comments of a post, oldest first, paged by cursor', async () => {
    const { body: feed } = await demo.getJson('/api/posts?limit=1');
    const post = feed.items[0];
    const { status, body } = await demo.getJson(`/api/posts/${post.id}/comments?limit=2`);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(Math.min(2, post.commentCount));
    expect(body.items[0]).toEqual({
      id: expect.any(Number),
      author: { id: expect.any(Number), username: expect.any(String), displayName: expect.any(String) },
      body: expect.any(String),
      createdAt: expect.any(String),
    });
    const rest = await demo.getJson(`/api/posts/${post.id}/comments?limit=50&cursor=${body.nextCursor}`);
    expect(body.items.length + rest.body.items.length).toBe(post.commentCount);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('answers 404 for a post that does not exist', async () => {
    const { status, body } = await demo.getJson('/api/posts/999999/comments');
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: 'NOT_FOUND', message: 'GET /api/posts/:id/comments: No post with the id 999999.' },
    });
  });

  it('answers 400 for an id that is not a positive integer', async () => {
    const { status, body } = await demo.getJson('/api/posts/-3/comments');
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'GET /api/posts/:id/comments: Expected positive integer for id but received "-3" of type string.',
    );
  });
});

describe('POST /api/posts/:id/likes', () => {
  it('counts the like and clears the cached feed and comments, so the next read shows it', async () => {
    const before = await demo.getJson('/api/posts?limit=2');
    await demo.request(`/api/posts/${before.body.items[0].id}/comments`);
    expect((await demo.request('/api/posts?limit=2')).headers.get('x-cache')).toBe('HIT');
    const post = before.body.items[0];

    const response = await demo.request(`/api/posts/${post.id}/likes`, { method: 'POST' });
    liked.push(post.id);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: post.id, likeCount: post.likeCount + 1 });

    const after = await demo.getJson('/api/posts?limit=2');
    expect(after.response.headers.get('x-cache')).toBe('MISS');
    expect(after.body.items[0].likeCount).toBe(post.likeCount + 1);
    expect((await demo.request(`/api/posts/${post.id}/comments`)).headers.get('x-cache')).toBe('MISS');
  });

  it('clears nothing when the post does not exist', async () => {
    await demo.request('/api/posts?limit=2');
    const response = await demo.request('/api/posts/999999/likes', { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await demo.request('/api/posts?limit=2')).headers.get('x-cache')).toBe('HIT');
  });
});

describe('the rest of /api', () => {
  it('answers unknown routes with a JSON 404', async () => {
    const { status, body } = await demo.getJson('/api/nothing-here');
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'No API route GET /api/nothing-here.' },
    });
  });

  it('logs no unexpected server error', () => {
    expect(demo.errors).toEqual([]);
  });
});
