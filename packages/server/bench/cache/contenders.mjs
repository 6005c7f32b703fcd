// Each contender mounts GET /api/products/:id on one Express app in front of the same origin, the way
// its documentation suggests. Peers keep their defaults, except the TTL (60 s everywhere).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TTL_S = 60;

const route = '/api/products/:id';
const send = (res, data) => res.json(data);

async function untilUsable(probe) {
  for (let i = 0; i < 200; i++) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the contender never reached Redis');
}

export const CONTENDERS = {
  async none(app, { load }) {
    app.get(route, async (req, res) => send(res, await load(req.params.id)));
  },

  async 'apicache-memory'(app, { load }) {
    const apicache = require('apicache').newInstance();
    app.get(route, apicache.middleware(`${TTL_S} seconds`), async (req, res) =>
      send(res, await load(req.params.id)),
    );
  },

  async 'cache-manager-memory'(app, { load }) {
    const { createCache } = await import('cache-manager');
    const cache = createCache();
    app.get(route, async (req, res) => {
      const id = req.params.id;
      send(res, await cache.wrap(`product:${id}`, () => load(id), TTL_S * 1000));
    });
    return () => cache.disconnect();
  },

  async 'cache-manager-redis'(app, { load, redisUrl }) {
    const { createCache } = await import('cache-manager');
    const { default: KeyvRedis } = await import('@keyv/redis');
    const { Keyv } = await import('keyv');
    const cache = createCache({ stores: [new Keyv({ store: new KeyvRedis(redisUrl) })] });
    await untilUsable(async () => (await cache.set('probe', 1, 1000)) === 1);
    app.get(route, async (req, res) => {
      const id = req.params.id;
      send(res, await cache.wrap(`product:${id}`, () => load(id), TTL_S * 1000));
    });
    return () => cache.disconnect();
  },

  // The hand-written cache-aside most apps start with: ioredis defaults, string body, fall back on error.
  async 'aside-ioredis'(app, { load, redisUrl }) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl);
    redis.on('error', () => {});
    await untilUsable(async () => (await redis.ping()) === 'PONG');
    app.get(route, async (req, res) => {
      const key = `product:${req.params.id}`;
      const cached = await redis.get(key).catch(() => null);
      if (cached !== null) return res.type('application/json').send(cached);
      const body = JSON.stringify(await load(req.params.id));
      redis.set(key, body, 'EX', TTL_S).catch(() => {});
      res.type('application/json').send(body);
    });
    return () => redis.disconnect();
  },

  async 'perfkit-memory'(app, { load, perfkit }) {
    const cache = perfkit.createCacheManager();
    app.get(route, cache.middleware({ ttl: TTL_S }), async (req, res) =>
      send(res, await load(req.params.id)),
    );
    return () => cache.close();
  },

  async 'perfkit-redis'(app, { load, perfkit, redisUrl }) {
    const cache = perfkit.createCacheManager({ redis: redisUrl });
    await untilUsable(async () => {
      await cache.set('probe', 'p', 1, 1);
      return (await cache.get('probe', 'p')) === 1;
    });
    app.get(route, cache.middleware({ ttl: TTL_S }), async (req, res) =>
      send(res, await load(req.params.id)),
    );
    return () => cache.close();
  },

  async 'perfkit-l1-redis'(app, { load, perfkit, redisUrl }) {
    const cache = perfkit.createCacheManager({ redis: redisUrl, l1: true });
    await cache.ready();
    app.get(route, cache.middleware({ ttl: TTL_S }), async (req, res) =>
      send(res, await load(req.params.id)),
    );
    return () => cache.close();
  },
};

/** Only in the two-process stampede: the same middleware with the cross-instance Redis lock on. */
export const EXTRA_CONTENDERS = {
  async 'perfkit-redis-lockMs'(app, context) {
    const cache = context.perfkit.createCacheManager({ redis: context.redisUrl, lockMs: 2000 });
    await untilUsable(async () => {
      await cache.set('probe', 'p', 1, 1);
      return (await cache.get('probe', 'p')) === 1;
    });
    app.get(route, cache.middleware({ ttl: TTL_S }), async (req, res) =>
      send(res, await context.load(req.params.id)),
    );
    return () => cache.close();
  },
};

export const REDIS_CONTENDERS = new Set([
  'cache-manager-redis',
  'aside-ioredis',
  'perfkit-redis',
  'perfkit-l1-redis',
]);
