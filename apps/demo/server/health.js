// Liveness (the process answers) and readiness (the database and the cache answer too): a load balancer
// keeps sending traffic to a live instance and stops routing to one that is not ready.

const CHECK_TIMEOUT_MS = 2000;

/**
 * @template T
 * @param {Promise<T>} promise
 */
function withTimeout(promise) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @param {() => Promise<unknown>} probe
 * @returns {Promise<'up' | 'down'>}
 */
async function check(probe) {
  try {
    await withTimeout(probe());
    return 'up';
  } catch {
    return 'down';
  }
}

/**
 * The cache's Redis client when it has one (the memory store is always reachable).
 * @param {import('@perfkit/server').CacheManager} cache
 * @returns {{ ping(): Promise<unknown> } | undefined}
 */
function redisOf(cache) {
  const store = /** @type {any} */ (cache.store);
  return store.client ?? store.l2?.client;
}

/** @param {import('./app.js').Deps} deps */
export function registerHealthRoutes({ app, db, cache }) {
  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const redis = redisOf(cache);
    const [database, cacheState] = await Promise.all([
      check(() => db.query('SELECT 1')),
      redis ? check(() => redis.ping()) : Promise.resolve(/** @type {const} */ ('up')),
    ]);
    const ready = database === 'up' && cacheState === 'up';
    res.setHeader('Cache-Control', 'no-store');
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      checks: { database, cache: cacheState, cacheStore: cache.stats().store },
    });
  });
}
