import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type CacheManager, createCacheManager, InvalidationGroups, TtlStrategies } from '../../src/index.js';
import { makeCache, type StoreKind, sleep, untilReady } from './helpers.js';

describe.each<StoreKind>(['memory', 'redis'])('CacheManager with the %s store', (kind) => {
  let cache: CacheManager;
  afterEach(async () => {
    await cache?.close();
  });

  async function ready(options = {}) {
    cache = makeCache(kind, options);
    if (kind === 'redis') await untilReady(cache);
    return cache;
  }

  it('gets what it set until the TTL passes, and deletes on del', async () => {
    await ready();
    await cache.set('products', 1, { name: 'lamp' }, 0.2);
    expect(await cache.get('products', 1)).toEqual({ name: 'lamp' });
    await sleep(250);
    expect(await cache.get('products', 1)).toBeUndefined();
    await cache.set('products', 2, 'x', 60);
    await cache.del('products', 2);
    expect(await cache.get('products', 2)).toBeUndefined();
  });

  it('wrap calls the loader once for 200 concurrent callers and counts hit rate per namespace', async () => {
    await ready();
    let loads = 0;
    const load = async () => {
      loads++;
      await sleep(30);
      return { v: 1 };
    };
    const results = await Promise.all(Array.from({ length: 200 }, () => cache.wrap('feed', 'a', 60, load)));
    expect(results.every((r) => r.v === 1)).toBe(true);
    expect(loads).toBe(1);
    await cache.wrap('feed', 'a', 60, load);
    const stats = cache.stats();
    expect(stats.namespaces.feed?.coalesced).toBe(199);
    expect(stats.namespaces.feed?.hits).toBe(1);
    expect(stats.store).toBe(kind);
  });

  it('wrap serves stale once expired and refreshes it in the background exactly once', async () => {
    await ready();
    let version = 0;
    const load = async () => {
      version++;
      await sleep(30);
      return version;
    };
    await cache.wrap('feed', 'b', { ttl: 0.1, staleWhileRevalidate: 30 }, load);
    await sleep(150);
    const stale = await Promise.all(
      Array.from({ length: 5 }, () => cache.wrap('feed', 'b', { ttl: 0.1, staleWhileRevalidate: 30 }, load)),
    );
    expect(stale).toEqual([1, 1, 1, 1, 1]);
    await expect.poll(() => cache.get('feed', 'b')).toBe(2);
    expect(version).toBe(2);
  });

  it('wrap serves the stale value when the loader throws within staleIfError', async () => {
    await ready();
    await cache.wrap('feed', 'c', { ttl: 0.1, staleIfError: 30 }, () => 'good');
    await sleep(150);
    const value = await cache.wrap('feed', 'c', { ttl: 0.1, staleIfError: 30 }, () => {
      throw new Error('db down');
    });
    expect(value).toBe('good');
    expect(cache.stats().staleIfError).toBe(1);
  });

  it('spreads expiries with jitter so entries written together do not expire together', async () => {
    await ready({ jitter: 0.5 });
    const deadlines = Array.from(
      { length: 50 },
      () => cache.deadlines(cache.strategy('t', 10), 0).freshUntil,
    );
    expect(Math.min(...deadlines)).toBeGreaterThanOrEqual(5000);
    expect(Math.max(...deadlines)).toBeLessThanOrEqual(15000);
    expect(new Set(deadlines).size).toBeGreaterThan(40);
  });

  it('clears by pattern, tag and preset group, and only what they name', async () => {
    await ready();
    await cache.set('user-profile', '42', 'p42', 60, { tags: ['user:42'] });
    await cache.set('user-posts', '42:1', 'post', 60, { tags: ['user:42'] });
    await cache.set('user-profile', '43', 'p43', 60);
    await cache.set('products', '1', 'lamp', 60);
    expect(await cache.invalidateTags(['user:42'])).toBe(2);
    expect(await cache.get('user-posts', '42:1')).toBeUndefined();
    expect(await cache.get('user-profile', '43')).toBe('p43');
    expect(await cache.delPattern('user-profile:4*')).toBe(1);
    await cache.set('user-skills', '1', 's', 60);
    await cache.invalidateGroup('USER');
    expect(await cache.get('user-skills', '1')).toBeUndefined();
    expect(await cache.get('products', '1')).toBe('lamp');
  });

  it('does not store a fill that started before an invalidation', async () => {
    await ready();
    const slow = cache.wrap('products', 'r', 60, async () => {
      await sleep(50);
      return 'old';
    });
    await sleep(10);
    await cache.delPattern('products:*');
    expect(await slow).toBe('old');
    expect(await cache.get('products', 'r')).toBeUndefined();
  });
});

describe('presets and misconfiguration', () => {
  it('ships the named TTL strategies and invalidation groups', () => {
    expect(TtlStrategies.USER_PROFILE.ttl).toBe(600);
    expect(TtlStrategies.POST_FEED.ttl).toBe(120);
    expect(TtlStrategies.PRODUCT_DETAILS.ttl).toBe(900);
    expect(TtlStrategies.WIKI_PAGES.ttl).toBe(1800);
    expect(TtlStrategies.NOTIFICATIONS.ttl).toBe(60);
    expect(TtlStrategies.ORDER_DETAILS.ttl).toBe(300);
    expect(InvalidationGroups.USER).toEqual(['user-profile', 'user-posts', 'user-skills']);
    expect(InvalidationGroups.SEARCH).toEqual(['search-results']);
  });

  it('throws at setup naming the option and the fix', async () => {
    const cache = createCacheManager();
    expect(() => createCacheManager({ ttl: -3 })).toThrow(
      'createCacheManager: Expected a positive number of seconds for ttl but received -3 of type number.',
    );
    expect(() => cache.middleware('USER_PROFILES' as never)).toThrow(
      /Expected one of USER_PROFILE, .* for strategy/,
    );
    expect(() => cache.invalidate('*:42')).toThrow(/starts with a namespace/);
    await expect(cache.delPattern('42*')).rejects.toThrow(/Name the namespace before the colon/);
    expect(() => cache.middleware({ scope: 'user' })).toThrow(/getUserId.*needs getUserId/);
    expect(() => createCacheManager({ redis: 'localhost:6379' })).toThrow(/redis:\/\/ URL/);
    await cache.close();
  });
});

describe('Redis specifics', () => {
  it('deletes 100,000 keys by pattern with SCAN + UNLINK and never KEYS', async () => {
    const url = inject('redisUrl');
    const raw = new Redis(url);
    const cache = createCacheManager({ redis: url, prefix: 'bulk:' });
    await untilReady(cache);
    try {
      for (let start = 0; start < 100_000; start += 10_000) {
        const pipe = raw.pipeline();
        for (let i = start; i < start + 10_000; i++) pipe.set(`bulk:{search-results}:q${i}`, 'x', 'EX', 600);
        await pipe.exec();
      }
      await raw.set('bulk:{products}:1', 'keep');
      const keysCalls = async () =>
        Number(/cmdstat_keys:calls=(\d+)/.exec(await raw.info('commandstats'))?.[1] ?? 0);
      const before = await keysCalls();
      expect(await cache.delPattern('search-results:*')).toBe(100_000);
      expect(await keysCalls()).toBe(before);
      expect(await raw.exists('bulk:{products}:1')).toBe(1);
      expect(await raw.dbsize()).toBeGreaterThanOrEqual(1);
    } finally {
      await cache.close();
      raw.disconnect();
    }
  });

  it('respects the keyPrefix of a client you pass in', async () => {
    const client = new Redis(inject('redisUrl'), { keyPrefix: 'app1:' });
    const raw = new Redis(inject('redisUrl'));
    const cache = createCacheManager({ redis: client, prefix: 'kp:' });
    try {
      await untilReady(cache);
      await cache.set('products', 'a1', 'v', 60);
      expect(await raw.exists('app1:kp:{products}:a1')).toBe(1);
      expect(await cache.delPattern('products:a*')).toBe(1);
      expect(await raw.exists('app1:kp:{products}:a1')).toBe(0);
    } finally {
      await cache.close();
      client.disconnect();
      raw.disconnect();
    }
  });

  it('reads a corrupt or foreign value as a miss', async () => {
    const raw = new Redis(inject('redisUrl'));
    const cache = createCacheManager({ redis: inject('redisUrl'), prefix: 'corrupt:' });
    try {
      await untilReady(cache);
      await raw.set('corrupt:{products}:1', 'not ours');
      await raw.set('corrupt:{products}:2', Buffer.from([0x50, 0x4b, 1, 0, 0, 0, 0, 9]));
      expect(await cache.get('products', 1)).toBeUndefined();
      expect(await cache.wrap('products', 2, 60, () => 'fresh')).toBe('fresh');
    } finally {
      await cache.close();
      raw.disconnect();
    }
  });

  it('keeps L1 caches of two instances coherent through pub/sub', async () => {
    const url = inject('redisUrl');
    const a = createCacheManager({ redis: url, prefix: 'l1:', l1: true });
    const b = createCacheManager({ redis: url, prefix: 'l1:', l1: true });
    try {
      await Promise.all([a.ready(), b.ready()]);
      await a.set('user-profile', '7', 'v1', 60, { tags: ['user:7'] });
      expect(await b.get('user-profile', '7')).toBe('v1');
      await a.set('user-profile', '7', 'v2', 60, { tags: ['user:7'] });
      await expect.poll(() => b.get('user-profile', '7')).toBe('v2');
      await a.invalidateTags(['user:7']);
      await expect.poll(() => b.get('user-profile', '7')).toBeUndefined();
      await a.set('user-profile', '8', 'v', 60);
      expect(await b.get('user-profile', '8')).toBe('v');
      await a.delPattern('user-profile:*');
      await expect.poll(() => b.get('user-profile', '8')).toBeUndefined();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('Prometheus export', () => {
  it('exposes hit counts, hit ratio per namespace and the breaker state', async () => {
    const { Registry } = await import('prom-client');
    const registry = new Registry();
    const cache = createCacheManager({ redis: inject('redisUrl'), prefix: 'prom:' });
    await untilReady(cache);
    cache.registerMetrics(registry);
    await cache.wrap('products', 1, 60, () => 'lamp');
    await cache.wrap('products', 1, 60, () => 'lamp');
    const text = await registry.metrics();
    expect(text).toMatch(/perfkit_cache_hits_total\{namespace="products"\} 1/);
    expect(text).toMatch(/perfkit_cache_misses_total\{namespace="products"\} 1/);
    expect(text).toMatch(/perfkit_cache_hit_ratio\{namespace="products"\} 0\.5/);
    expect(text).toMatch(/perfkit_cache_breaker_state 0/);
    await cache.close();
  });
});
