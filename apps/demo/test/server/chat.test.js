import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  // Leave the shared database as seeded: other suites count its rows.
  await demo?.demo.db.query('DELETE FROM messages WHERE id > 20000');
  await demo?.close();
});

/** @param {number} conversation @param {unknown} payload */
const send = (conversation, payload) =>
  demo.request(`/api/conversations/${conversation}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('GET /api/conversations', () => {
  it('lists the conversations', async () => {
    const { body } = await demo.getJson('/api/conversations');
    expect(body.items).toHaveLength(20);
    expect(body.items[0]).toEqual({ id: 1, title: 'Conversation 1' });
  });
});

describe('GET /api/conversations/:id/messages', () => {
  it('answers the newest page first, oldest first within it, and older pages through prevCursor', async () => {
    const newest = await demo.getJson('/api/conversations/1/messages');
    expect(newest.body.items).toHaveLength(50);
    const times = newest.body.items.map((message) => Date.parse(message.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(newest.body.items[0]).toEqual({
      id: expect.any(Number),
      sender: { id: expect.any(Number), username: expect.any(String), displayName: expect.any(String) },
      body: expect.any(String),
      createdAt: expect.any(String),
    });
    const older = await demo.getJson(
      `/api/conversations/1/messages?before=${newest.body.prevCursor}&limit=100`,
    );
    expect(older.body.items).toHaveLength(100);
    expect(Date.parse(older.body.items.at(-1).createdAt)).toBeLessThan(times[0]);
    const both = await demo.getJson('/api/conversations/1/messages?limit=100');
    expect([...older.body.items.slice(50), ...newest.body.items].map((m) => m.id)).toEqual(
      both.body.items.map((m) => m.id),
    );
  });

  it('answers prevCursor null on the oldest page', async () => {
    let page = await demo.getJson('/api/conversations/5/messages?limit=100');
    let pages = 1;
    while (page.body.prevCursor) {
      page = await demo.getJson(`/api/conversations/5/messages?limit=100&before=${page.body.prevCursor}`);
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(page.body.prevCursor).toBeNull();
  });

  it('answers 404 for an unknown conversation and 400 for a bad limit', async () => {
    expect((await demo.getJson('/api/conversations/99/messages')).status).toBe(404);
    const bad = await demo.getJson('/api/conversations/1/messages?limit=101');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'GET /api/conversations/:id/messages: Expected integer between 1 and 100 for limit but received "101" of type string.',
    );
  });
});

describe('POST /api/conversations/:id/messages', () => {
  it('stores the message, answers 201 with it, and clears that conversation from the cache', async () => {
    await demo.request('/api/conversations/3/messages');
    const cached = await demo.request('/api/conversations/3/messages');
    expect(cached.headers.get('x-cache')).toBe('HIT');
    await demo.request('/api/conversations/4/messages');

    const response = await send(3, { senderId: 7, body: '  Hello from the tests  ' });
    expect(response.status).toBe(201);
    const { item } = await response.json();
    expect(item).toEqual({
      id: expect.any(Number),
      sender: { id: 7, username: 'user7', displayName: expect.any(String) },
      body: 'Hello from the tests',
      createdAt: expect.any(String),
    });

    const after = await demo.request('/api/conversations/3/messages');
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect((await after.json()).items.at(-1)).toEqual(item);
    // Other conversations keep their cached pages.
    expect((await demo.request('/api/conversations/4/messages')).headers.get('x-cache')).toBe('HIT');
  });

  it.each([
    [{ senderId: 0, body: 'x' }, 'Expected positive integer for senderId but received 0 of type number.'],
    [{ senderId: '7', body: 'x' }, 'Expected positive integer for senderId but received "7" of type string.'],
    [
      { senderId: 7, body: '   ' },
      'Expected non-empty string of at most 2000 characters for body but received "   " of type string.',
    ],
    [
      { senderId: 999999, body: 'x' },
      'Expected the id of an existing user for senderId but received 999999 of type number.',
    ],
    [
      [1, 2],
      'Expected a JSON object { senderId, body } for the request body but received an array of type array.',
    ],
  ])('rejects %j with a 400 and clears nothing', async (payload, message) => {
    await demo.request('/api/conversations/6/messages');
    const response = await send(6, payload);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'INVALID_PARAMETER', message: `POST /api/conversations/:id/messages: ${message}` },
    });
    expect((await demo.request('/api/conversations/6/messages')).headers.get('x-cache')).toBe('HIT');
  });

  it('rejects a body that is not JSON', async () => {
    const response = await send(6, '{"senderId": 7,');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('INVALID_JSON');
  });

  it('answers 404 when the conversation does not exist', async () => {
    const response = await send(99, { senderId: 7, body: 'anyone?' });
    expect(response.status).toBe(404);
  });

  it('logs no unexpected server error', () => {
    expect(demo.errors).toEqual([]);
  });
});
