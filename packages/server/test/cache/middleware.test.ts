import type { Request, Response } from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheManager } from '../../src/index.js';
import { makeCache, newApp, type StoreKind, sleep, untilReady } from './helpers.js';

describe.each<StoreKind>(['memory', 'redis'])('cache.middleware with the %s store', (kind) => {
  let cache: CacheManager;
  afterEach(async () => {
    await cache?.close();
  });

  async function setup(options: Parameters<CacheManager['middleware']>[0] = { ttl: 60 }) {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const calls = { count: 0 };
    const app = newApp();
    const mw = cache.middleware(options);
    app.get('/api/items/:id', mw, (req: Request, res: Response) => {
      calls.count++;
      res.json({ id: req.params.id, n: calls.count, host: req.headers['x-forwarded-host'] ?? 'origin' });
    });
    return { app, calls };
  }

  it('answers MISS then HIT from the stored body, and expires after the TTL', async () => {
    const { app, calls } = await setup({ ttl: 1 });
    const first = await request(app).get('/api/items/1');
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await request(app).get('/api/items/1');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect(second.headers['content-type']).toMatch(/application\/json/);
    expect(calls.count).toBe(1);
    await sleep(1100);
    const third = await request(app).get('/api/items/1');
    expect(third.headers['x-cache']).toBe('MISS');
    expect(third.body.n).toBe(2);
  });

  it('calls the route once for 200 concurrent cold requests', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let calls = 0;
    const app = newApp();
    app.get('/slow', cache.middleware({ ttl: 60 }), async (_req, res) => {
      calls++;
      await sleep(50);
      res.json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      const responses = await Promise.all(Array.from({ length: 200 }, () => request(server).get('/slow')));
      expect(responses.every((r) => r.status === 200 && r.body.ok === true)).toBe(true);
      expect(calls).toBe(1);
      const stats = cache.stats();
      // Requests that arrive after the entry landed are hits; all others waited for the one route call.
      expect((stats.namespaces.http?.coalesced ?? 0) + (stats.namespaces.http?.hits ?? 0)).toBe(199);
    } finally {
      server.close();
    }
  });

  it('maps query order, repeated encodings and a trailing slash to one entry', async () => {
    const { app, calls } = await setup();
    await request(app).get('/api/items/1?b=2&a=1');
    expect((await request(app).get('/api/items/1?a=1&b=2')).headers['x-cache']).toBe('HIT');
    expect((await request(app).get('/api/items/1/?a=%31&b=2')).headers['x-cache']).toBe('HIT');
    expect((await request(app).get('/api/items/1?a=1&b=3')).headers['x-cache']).toBe('MISS');
    expect(calls.count).toBe(2);
  });

  it('keeps repeated query names in order and leaves params outside the allowlist out of the key', async () => {
    const { app, calls } = await setup({ ttl: 60, query: ['page', 'a'] });
    await request(app).get('/api/items/1?a=1&a=2&utm_source=x');
    expect((await request(app).get('/api/items/1?a=1&a=2&utm_source=y')).headers['x-cache']).toBe('HIT');
    expect((await request(app).get('/api/items/1?a=2&a=1')).headers['x-cache']).toBe('MISS');
    expect(calls.count).toBe(2);
  });

  it('never serves one user another user’s data: Authorization and session cookies bypass', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const app = newApp();
    app.get('/api/me', cache.middleware({ ttl: 60 }), (req: Request, res: Response) => {
      res.json({ user: req.headers.authorization ?? req.headers.cookie ?? 'anonymous' });
    });
    const alice = await request(app).get('/api/me').set('Authorization', 'Bearer alice');
    const bob = await request(app).get('/api/me').set('Authorization', 'Bearer bob');
    const anon = await request(app).get('/api/me');
    expect(alice.headers['x-cache']).toBe('BYPASS');
    expect(bob.body.user).toBe('Bearer bob');
    expect(anon.body.user).toBe('anonymous');
    const cookie = await request(app).get('/api/me').set('Cookie', 'sid=alice');
    expect(cookie.headers['x-cache']).toBe('BYPASS');
    expect((await request(app).get('/api/me')).body.user).toBe('anonymous');
  });

  it("keys entries per user with scope: 'user' and marks them private", async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let calls = 0;
    const app = newApp();
    const mw = cache.middleware({ ttl: 60, scope: 'user', getUserId: (req) => req.headers.authorization });
    app.get('/api/me', mw, (req: Request, res: Response) => {
      calls++;
      res.json({ user: req.headers.authorization });
    });
    await request(app).get('/api/me').set('Authorization', 'alice');
    const bob = await request(app).get('/api/me').set('Authorization', 'bob');
    const alice = await request(app).get('/api/me').set('Authorization', 'alice');
    expect(bob.body.user).toBe('bob');
    expect(alice.body.user).toBe('alice');
    expect(alice.headers['x-cache']).toBe('HIT');
    expect(alice.headers['cache-control']).toMatch(/^private/);
    expect((await request(app).get('/api/me')).headers['x-cache']).toBe('BYPASS');
    expect(calls).toBe(3);
  });

  it('never stores or replays Set-Cookie, private, no-store or no-cache responses', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let calls = 0;
    const app = newApp();
    app.get('/r/:kind', cache.middleware({ ttl: 60 }), (req: Request, res: Response) => {
      calls++;
      if (req.params.kind === 'cookie') res.cookie('sid', `s${calls}`);
      else res.set('Cache-Control', req.params.kind as string);
      res.json({ calls });
    });
    for (const path of ['/r/cookie', '/r/private', '/r/no-store', '/r/no-cache']) {
      await request(app).get(path);
      const again = await request(app).get(path);
      expect(again.headers['x-cache'], path).toBe('MISS');
    }
    const cookieAgain = await request(app).get('/r/cookie');
    expect(cookieAgain.headers['set-cookie']?.[0]).toMatch(/sid=s\d+/);
    expect(cookieAgain.headers['set-cookie']?.[0]).not.toBe('sid=s1; Path=/');
    expect(calls).toBe(9);
  });

  it('does not let an unkeyed X-Forwarded-Host poison the shared entry', async () => {
    const { app } = await setup();
    const attack = await request(app).get('/api/items/7').set('X-Forwarded-Host', 'evil.example');
    expect(attack.headers['x-cache']).toBe('BYPASS');
    expect(attack.body.host).toBe('evil.example');
    for (const header of ['X-Original-URL', 'X-Forwarded-Proto', 'X-HTTP-Method-Override']) {
      expect((await request(app).get('/api/items/7').set(header, '/admin')).headers['x-cache']).toBe(
        'BYPASS',
      );
    }
    const victim = await request(app).get('/api/items/7');
    expect(victim.body.host).toBe('origin');
    expect((await request(app).get('/api/items/7')).body.host).toBe('origin');
  });

  it('stores nothing for POST and serves HEAD from the GET entry', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let calls = 0;
    const app = newApp();
    const mw = cache.middleware({ ttl: 60 });
    app.all('/thing', mw, (_req, res) => {
      calls++;
      res.json({ calls });
    });
    await request(app).post('/thing');
    expect((await request(app).post('/thing')).headers['x-cache']).toBe('BYPASS');
    await request(app).get('/thing');
    const head = await request(app).head('/thing');
    expect(head.headers['x-cache']).toBe('HIT');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(calls).toBe(3);
  });

  it('keys on the configured vary header and never stores Vary: * or an unkeyed Vary', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const app = newApp();
    app.get(
      '/lang',
      cache.middleware({ ttl: 60, vary: ['accept-language'] }),
      (req: Request, res: Response) => {
        res.json({ lang: req.headers['accept-language'] ?? 'en' });
      },
    );
    app.get('/star', cache.middleware({ ttl: 60 }), (_req, res) => res.set('Vary', '*').json({}));
    app.get('/enc', cache.middleware({ ttl: 60 }), (_req, res) =>
      res.set('Vary', 'Accept-Encoding').json({}),
    );
    await request(app).get('/lang').set('Accept-Language', 'fr');
    const de = await request(app).get('/lang').set('Accept-Language', 'de');
    expect(de.body.lang).toBe('de');
    expect(de.headers.vary).toMatch(/accept-language/i);
    const fr = await request(app).get('/lang').set('Accept-Language', 'fr');
    expect(fr.headers['x-cache']).toBe('HIT');
    expect(fr.body.lang).toBe('fr');
    for (const path of ['/star', '/enc']) {
      await request(app).get(path);
      expect((await request(app).get(path)).headers['x-cache']).toBe('MISS');
    }
  });

  it('does not cache 400, 431, 500 or 503 answers (cache-poisoned denial of service)', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let calls = 0;
    const app = newApp();
    app.get('/status/:code', cache.middleware({ ttl: 60 }), (req: Request, res: Response) => {
      calls++;
      res.status(Number(req.params.code)).json({ error: true });
    });
    for (const code of [400, 431, 500, 503]) {
      await request(app).get(`/status/${code}`);
      expect((await request(app).get(`/status/${code}`)).headers['x-cache']).toBe('MISS');
    }
    expect(calls).toBe(8);
  });

  it('answers If-None-Match with 304 from the entry and sends an ETag and public Cache-Control', async () => {
    const { app } = await setup({ ttl: 120, staleWhileRevalidate: 30 });
    const first = await request(app).get('/api/items/3');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=120, stale-while-revalidate=30');
    const revalidated = await request(app)
      .get('/api/items/3')
      .set('If-None-Match', first.headers.etag as string);
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.etag).toBe(first.headers.etag);
    expect((await request(app).get('/api/items/3').set('If-None-Match', '"other"')).status).toBe(200);
  });

  it('revalidates at the origin when the client sends Cache-Control: no-cache', async () => {
    const { app, calls } = await setup();
    await request(app).get('/api/items/4');
    const forced = await request(app).get('/api/items/4').set('Cache-Control', 'no-cache');
    expect(forced.headers['x-cache']).toBe('MISS');
    expect(forced.body.n).toBe(2);
    expect((await request(app).get('/api/items/4')).body.n).toBe(2);
    expect(calls.count).toBe(2);
  });

  it('serves stale while exactly one background refresh runs, then fresh', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let version = 0;
    const app = newApp();
    app.get('/feed', cache.middleware({ ttl: 0.2, staleWhileRevalidate: 30 }), async (_req, res) => {
      version++;
      await sleep(50);
      res.json({ version });
    });
    await request(app).get('/feed');
    await sleep(250);
    const stale = await Promise.all(Array.from({ length: 10 }, () => request(app).get('/feed')));
    expect(stale.every((r) => r.headers['x-cache'] === 'STALE' && r.body.version === 1)).toBe(true);
    await expect.poll(async () => (await request(app).get('/feed')).body.version).toBe(2);
    expect(version).toBe(2);
  });

  it('serves the stale entry when the origin fails, within staleIfError', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let fail = false;
    const app = newApp();
    app.get('/x', cache.middleware({ ttl: 0.2, staleIfError: 30 }), (_req, res) => {
      if (fail) res.status(503).json({ error: 'down' });
      else res.json({ good: true });
    });
    await request(app).get('/x');
    fail = true;
    await sleep(250);
    const answer = await request(app).get('/x');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-cache']).toBe('STALE');
    expect(answer.body.good).toBe(true);
  });

  it('passes streamed and oversized responses through uncached', async () => {
    cache = makeCache(kind, { maxEntrySize: 1000 });
    if (kind === 'redis') await untilReady(cache);
    const app = newApp();
    app.get('/stream', cache.middleware({ ttl: 60 }), (_req, res) => {
      res.write('a');
      res.end('b');
    });
    app.get('/big', cache.middleware({ ttl: 60 }), (_req, res) => res.send('x'.repeat(5000)));
    await request(app).get('/stream');
    const streamed = await request(app).get('/stream');
    expect(streamed.text).toBe('ab');
    expect(streamed.headers['x-cache']).toBe('MISS');
    await request(app).get('/big');
    const big = await request(app).get('/big');
    expect(big.text).toHaveLength(5000);
    expect(big.headers['x-cache']).toBe('MISS');
  });

  it('round-trips binary bodies byte for byte', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const app = newApp();
    app.get('/bin', cache.middleware({ ttl: 60 }), (_req, res) =>
      res.type('application/octet-stream').send(bytes),
    );
    await request(app).get('/bin');
    const hit = await request(app)
      .get('/bin')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(Buffer.compare(hit.body as Buffer, bytes)).toBe(0);
  });

  it('clears entries after a 2xx mutation and keeps them after a failed one', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    let name = 'old';
    const app = newApp();
    app.get(
      '/api/users/:id',
      cache.middleware({ ttl: 60, namespace: 'user-profile' }),
      (req: Request, res: Response) => {
        res.json({ id: req.params.id, name });
      },
    );
    app.put(
      '/api/users/:id',
      cache.invalidate('user-profile:/api/users/{id}*'),
      (req: Request, res: Response) => {
        if (req.query.fail) return res.status(422).json({ error: 'invalid' });
        name = 'new';
        res.json({ ok: true });
      },
    );
    await request(app).get('/api/users/42');
    await request(app).get('/api/users/43');
    name = 'changed-without-invalidation';
    expect((await request(app).put('/api/users/42?fail=1')).status).toBe(422);
    expect((await request(app).get('/api/users/42')).body.name).toBe('old');
    await request(app).put('/api/users/42');
    expect((await request(app).get('/api/users/42')).body.name).toBe('new');
    expect((await request(app).get('/api/users/43')).body.name).toBe('old');
  });

  it('does not let glob characters in a route param widen an invalidation', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const app = newApp();
    app.get(
      '/api/users/:id',
      cache.middleware({ ttl: 60, namespace: 'user-profile' }),
      (req: Request, res: Response) => {
        res.json({ id: req.params.id });
      },
    );
    app.delete('/api/users/:id', cache.invalidate('user-profile:/api/users/{id}?*'), (_req, res) =>
      res.json({}),
    );
    await request(app).get('/api/users/1');
    await request(app).delete('/api/users/*');
    expect((await request(app).get('/api/users/1')).headers['x-cache']).toBe('HIT');
  });

  it('does not cache a personal /api/me;.js or /api/me/x.css as public (cache deception)', async () => {
    cache = makeCache(kind);
    if (kind === 'redis') await untilReady(cache);
    const app = newApp();
    app.use(cache.middleware({ ttl: 60 }));
    app.get(/^\/api\/me/, (req: Request, res: Response) =>
      res.json({ user: req.headers.cookie ?? 'anonymous' }),
    );
    for (const path of ['/api/me;.js', '/api/me/x.css']) {
      const victim = await request(app).get(path).set('Cookie', 'sid=victim');
      expect(victim.headers['x-cache']).toBe('BYPASS');
      expect(victim.headers['cache-control'] ?? '').not.toMatch(/public/);
      expect((await request(app).get(path)).body.user).toBe('anonymous');
    }
  });

  it('ignores bypass and debug headers from anonymous clients', async () => {
    const { app, calls } = await setup();
    await request(app).get('/api/items/9');
    for (const header of ['x-apicache-bypass', 'x-apicache-force-fetch', 'x-perfkit-bypass']) {
      expect((await request(app).get('/api/items/9').set(header, 'true')).headers['x-cache']).toBe('HIT');
    }
    expect(calls.count).toBe(1);
  });
});
