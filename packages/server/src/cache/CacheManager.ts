import { invalidOption } from '../errors.js';
import { decodeEntry, type Entry, EntryKind, encodeEntry, retentionMs } from './entry.js';
import { createInvalidateMiddleware, type InvalidateTargets } from './invalidate.js';
import { assertId, assertNamespace, entryKey, patternToMatch, tagKey } from './keys.js';
import { registerCacheMetrics } from './metrics.js';
import { type CacheMiddlewareOptions, createCacheMiddleware } from './middleware.js';
import { SingleFlight, timedOut } from './singleFlight.js';
import { StatsRecorder } from './stats.js';
import { MemoryStore } from './stores/memory.js';
import { RedisStore } from './stores/redis.js';
import { TieredStore } from './stores/tiered.js';
import {
  assertJitter,
  assertSeconds,
  completeStrategy,
  resolveGroup,
  resolveStrategyName,
  type TtlStrategyName,
} from './strategies.js';
import type { CacheManagerOptions, CacheStats, CacheStore, CacheStrategy, WrapOptions } from './types.js';

const API = 'createCacheManager';

export type TtlInput = number | TtlStrategyName | Partial<CacheStrategy>;

/** Fresh/stale/error deadlines of a new entry, in epoch ms. */
export type Deadlines = Pick<Entry, 'freshUntil' | 'staleUntil' | 'errorUntil'>;

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalidOption(API, 'a positive integer', name, value);
  }
  return value;
}

/**
 * Cache-aside over one store (memory, Redis, or L1 + Redis) with single flight, stale-while-revalidate,
 * stale-if-error, TTL jitter and per-namespace stats. Store faults are counted, never thrown.
 */
export class CacheManager {
  readonly prefix: string;
  readonly store: CacheStore;
  readonly maxEntrySize: number;
  readonly coalesceTimeoutMs: number;
  readonly lockMs: number;
  readonly defaults: Required<CacheStrategy>;
  readonly flights = new SingleFlight();
  /**
   * Bumped by every invalidation. A fill that started before an invalidation does not store its result,
   * so a slow origin read cannot put back what a mutation just cleared.
   */
  generation = 0;

  /** Marks an invalidation: fills in progress will not store, and finished flights stop being joinable. */
  invalidated(): void {
    this.generation++;
    this.flights.forgetSettled();
  }
  private readonly recorder = new StatsRecorder();
  /** Decoded entries by buffer identity: the memory store hands back the same buffer, so a hit decodes once. */
  private readonly decoded = new WeakMap<Buffer, Entry | null>();

  constructor(options: CacheManagerOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw invalidOption(API, 'an options object', 'options', options);
    }
    const prefix = options.prefix ?? 'perfkit:';
    if (typeof prefix !== 'string' || /[{}]/.test(prefix)) {
      throw invalidOption(API, 'a string without braces such as "perfkit:"', 'prefix', prefix);
    }
    this.prefix = prefix;
    this.maxEntrySize = positiveInteger('maxEntrySize', options.maxEntrySize, 1024 * 1024);
    this.coalesceTimeoutMs = positiveInteger('coalesceTimeoutMs', options.coalesceTimeoutMs, 5000);
    this.lockMs = options.lockMs === 0 ? 0 : positiveInteger('lockMs', options.lockMs, 0);
    this.defaults = {
      ttl: options.ttl === undefined ? 60 : assertSeconds(API, 'ttl', options.ttl, false),
      staleWhileRevalidate:
        options.staleWhileRevalidate === undefined
          ? 0
          : assertSeconds(API, 'staleWhileRevalidate', options.staleWhileRevalidate, true),
      staleIfError:
        options.staleIfError === undefined
          ? 0
          : assertSeconds(API, 'staleIfError', options.staleIfError, true),
      jitter: options.jitter === undefined ? 0.1 : assertJitter(API, options.jitter),
    };
    const onError = (error: unknown) => {
      this.recorder.count(undefined, 'errors');
      options.onError?.(error);
    };
    this.store = this.createStore(options, onError);
  }

  private createStore(options: CacheManagerOptions, onError: (error: unknown) => void): CacheStore {
    const { redis } = options;
    if (redis === undefined) {
      return new MemoryStore({
        maxBytes: positiveInteger('maxBytes', options.maxBytes, 64 * 1024 * 1024),
        maxEntries: positiveInteger('maxEntries', options.maxEntries, 100_000),
      });
    }
    const isClient = typeof redis === 'object' && redis !== null && typeof redis.getBuffer === 'function';
    if (!(typeof redis === 'string' && /^rediss?:\/\//.test(redis)) && !isClient) {
      throw invalidOption(
        API,
        'a redis:// URL or an ioredis client',
        'redis',
        redis,
        'Omit it for the memory store.',
      );
    }
    const l2 = new RedisStore({
      redis,
      commandTimeoutMs: positiveInteger('commandTimeoutMs', options.commandTimeoutMs, 100),
      circuitBreaker: options.circuitBreaker,
      onError,
    });
    if (!options.l1) return l2;
    const l1 = options.l1 === true ? {} : options.l1;
    return new TieredStore(l2, {
      l1MaxBytes: positiveInteger('l1.maxBytes', l1.maxBytes, 16 * 1024 * 1024),
      l1MaxTtlMs: (l1.maxTtl === undefined ? 30 : assertSeconds(API, 'l1.maxTtl', l1.maxTtl, false)) * 1000,
      channel: `${this.prefix}invalidate`,
      onError,
    });
  }

  /** Resolves a TTL in seconds, a preset name or a partial strategy against the manager's defaults. */
  strategy(api: string, input: TtlInput | undefined): Required<CacheStrategy> {
    if (input === undefined) return this.defaults;
    if (typeof input === 'number') return { ...this.defaults, ttl: assertSeconds(api, 'ttl', input, false) };
    if (typeof input === 'string') return resolveStrategyName(api, input);
    if (input === null || typeof input !== 'object') {
      throw invalidOption(api, 'seconds, a TtlStrategies name or a strategy object', 'ttl', input);
    }
    return completeStrategy(api, input, this.defaults);
  }

  deadlines(strategy: Required<CacheStrategy>, now: number): Deadlines {
    // Spread expiries so entries written together (a deploy, a cold start) do not all expire together.
    const spread = strategy.jitter * (2 * Math.random() - 1);
    const freshUntil = now + strategy.ttl * 1000 * (1 + spread);
    return {
      freshUntil,
      staleUntil: freshUntil + strategy.staleWhileRevalidate * 1000,
      errorUntil: freshUntil + strategy.staleIfError * 1000,
    };
  }

  key(namespace: string, id: string): string {
    return entryKey(this.prefix, namespace, id);
  }

  count(namespace: string, counter: Parameters<StatsRecorder['count']>[1]): void {
    this.recorder.count(namespace, counter);
  }

  /** Reads and decodes an entry; a foreign or corrupt value reads as a miss. */
  async readEntry(key: string): Promise<Entry | undefined> {
    const raw = await this.store.get(key);
    if (!raw) return undefined;
    let entry = this.decoded.get(raw);
    if (entry === undefined) {
      entry = decodeEntry(raw) ?? null;
      this.decoded.set(raw, entry);
    }
    return entry ?? undefined;
  }

  /** Writes an encoded entry unless it is over `maxEntrySize`. Returns whether it was stored. */
  async writeEntry(
    key: string,
    encoded: Buffer,
    deadlines: Deadlines,
    tags?: readonly string[],
  ): Promise<boolean> {
    if (encoded.length > this.maxEntrySize) return false;
    const tagKeys = tags?.map((tag) => tagKey(this.prefix, tag));
    await this.store.set(key, encoded, retentionMs(deadlines, Date.now()), tagKeys);
    return true;
  }

  /**
   * Single flight across instances sharing Redis (with `lockMs`): resolves with the entry another instance
   * stored while this one waited, or with nothing and a `release` to call once this instance has stored its
   * own. Gives up waiting after `lockMs` and loads anyway, so a crashed instance delays a miss, never blocks it.
   */
  async lockOrWait(key: string): Promise<{ entry: Entry | undefined; release: () => void }> {
    const nothing = { entry: undefined, release: () => {} };
    const store = this.store;
    if (this.lockMs === 0 || !store.tryLock || !store.unlock) return nothing;
    const lockKey = `${key}|lock`;
    const deadline = Date.now() + this.lockMs;
    for (;;) {
      const lock = await store.tryLock(lockKey, this.lockMs);
      if (lock === undefined) return nothing;
      if (lock !== 'held') {
        const release = () => void store.unlock?.(lockKey, lock);
        // The previous holder may have stored the entry and released the lock since this caller's miss.
        const entry = await this.readEntry(key);
        if (entry && Date.now() < entry.freshUntil) {
          release();
          return { entry, release: () => {} };
        }
        return { entry: undefined, release };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      const entry = await this.readEntry(key);
      if (entry && Date.now() < entry.freshUntil) return { entry, release: () => {} };
      if (Date.now() >= deadline) return nothing;
    }
  }

  async get<T = unknown>(namespace: string, id: string | number): Promise<T | undefined> {
    const ns = assertNamespace('cache.get', namespace);
    const entry = await this.readEntry(this.key(ns, assertId('cache.get', id)));
    const value = entry && Date.now() < entry.freshUntil ? parseData<T>(entry) : undefined;
    this.recorder.count(ns, value === undefined ? 'misses' : 'hits');
    return value;
  }

  async set(
    namespace: string,
    id: string | number,
    data: unknown,
    ttl?: TtlInput,
    options: WrapOptions = {},
  ) {
    const ns = assertNamespace('cache.set', namespace);
    const key = this.key(ns, assertId('cache.set', id));
    const strategy = this.strategy('cache.set', ttl ?? pickStrategy(options));
    await this.storeData(key, data, strategy, options.tags);
  }

  async del(namespace: string, id: string | number): Promise<number> {
    this.invalidated();
    return this.store.del([this.key(assertNamespace('cache.del', namespace), assertId('cache.del', id))]);
  }

  /** `namespace:glob`, e.g. `user-profile:42*`. Uses SCAN + UNLINK on Redis, never KEYS. */
  async delPattern(pattern: string): Promise<number> {
    const match = patternToMatch('cache.delPattern', this.prefix, pattern);
    this.invalidated();
    return this.store.delPattern(match);
  }

  async invalidateTags(tags: readonly string[]): Promise<number> {
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string' || tag === '')) {
      throw invalidOption('cache.invalidateTags', 'an array of non-empty strings', 'tags', tags);
    }
    this.invalidated();
    return this.store.delTags(tags.map((tag) => tagKey(this.prefix, tag)));
  }

  /** Clears every namespace of a preset group (`InvalidationGroups`) or of your own list. */
  async invalidateGroup(group: string | readonly string[]): Promise<number> {
    const namespaces = typeof group === 'string' ? resolveGroup('cache.invalidateGroup', group) : group;
    let removed = 0;
    for (const namespace of namespaces) {
      removed += await this.delPattern(`${assertNamespace('cache.invalidateGroup', namespace)}:*`);
    }
    return removed;
  }

  /**
   * Cache-aside in one call: returns the cached value, or calls `loader` once however many callers miss
   * together, stores its result and returns it. `undefined` results are returned but not stored.
   */
  async wrap<T>(
    namespace: string,
    id: string | number,
    ttl: TtlInput | undefined,
    loader: () => Promise<T> | T,
    options: WrapOptions = {},
  ): Promise<T> {
    const ns = assertNamespace('cache.wrap', namespace);
    if (typeof loader !== 'function') throw invalidOption('cache.wrap', 'a function', 'loader', loader);
    const strategy = this.strategy('cache.wrap', ttl ?? pickStrategy(options));
    const key = this.key(ns, assertId('cache.wrap', id));
    const entry = await this.readEntry(key);
    const now = Date.now();
    const cached = entry && now < entry.staleUntil ? parseData<T>(entry) : undefined;
    if (entry && cached !== undefined) {
      if (now < entry.freshUntil) {
        this.recorder.count(ns, 'hits');
        return cached;
      }
      this.recorder.count(ns, 'staleHits');
      if (!this.flights.has(key))
        void this.load(ns, key, strategy, loader, options.tags, undefined).catch(() => {});
      return cached;
    }
    this.recorder.count(ns, 'misses');
    return this.load(ns, key, strategy, loader, options.tags, entry);
  }

  private async load<T>(
    ns: string,
    key: string,
    strategy: Required<CacheStrategy>,
    loader: () => Promise<T> | T,
    tags: readonly string[] | undefined,
    stale: Entry | undefined,
  ): Promise<T> {
    const joined = this.flights.join<T>(key, this.coalesceTimeoutMs);
    if (joined) {
      this.recorder.count(ns, 'coalesced');
      const value = await joined;
      if (value !== timedOut) return value;
      // The leader is stuck: load without it rather than wait without bound.
      this.recorder.count(ns, 'loads');
      return loader();
    }
    const flight = this.flights.lead<T>(key);
    const generation = this.generation;
    let release = () => {};
    try {
      if (this.lockMs > 0) {
        const foreign = await this.lockOrWait(key);
        const value = foreign.entry ? parseData<T>(foreign.entry) : undefined;
        if (value !== undefined) {
          this.recorder.count(ns, 'coalesced');
          flight.resolve(value);
          return value;
        }
        release = foreign.release;
      }
      this.recorder.count(ns, 'loads');
      const value = await loader();
      flight.resolve(value);
      if (value !== undefined && generation === this.generation)
        await this.storeData(key, value, strategy, tags);
      return value;
    } catch (error) {
      const fallback = stale && Date.now() < stale.errorUntil ? parseData<T>(stale) : undefined;
      if (fallback === undefined) {
        flight.reject(error);
        throw error;
      }
      this.recorder.count(ns, 'staleIfError');
      flight.resolve(fallback);
      return fallback;
    } finally {
      release();
      flight.done();
    }
  }

  private async storeData(
    key: string,
    data: unknown,
    strategy: Required<CacheStrategy>,
    tags?: readonly string[],
  ) {
    const body = JSON.stringify(data);
    if (body === undefined) return;
    const deadlines = this.deadlines(strategy, Date.now());
    await this.writeEntry(
      key,
      encodeEntry({ kind: EntryKind.DATA, head: undefined, body, ...deadlines }),
      deadlines,
      tags,
    );
  }

  stats(): CacheStats {
    const { totals, namespaces } = this.recorder.snapshot();
    const redis =
      this.store instanceof TieredStore
        ? this.store.l2
        : this.store instanceof RedisStore
          ? this.store
          : undefined;
    return { ...totals, namespaces, breaker: redis ? redis.breaker.state : 'none', store: this.store.kind };
  }

  /** Express middleware caching GET/HEAD responses; see docs/cache.md for every option. */
  middleware(strategyOrOptions: TtlStrategyName | CacheMiddlewareOptions = {}) {
    return createCacheMiddleware(this, strategyOrOptions);
  }

  /** Express middleware clearing what it names after a 2xx/3xx POST/PUT/PATCH/DELETE. */
  invalidate(targets: InvalidateTargets) {
    return createInvalidateMiddleware(this, targets);
  }

  /** Exports `stats()` to Prometheus through prom-client, on the given registry or the default one. */
  registerMetrics(registry?: Parameters<typeof registerCacheMetrics>[1]): void {
    registerCacheMetrics(this, registry);
  }

  /** Resolves once an L1 layer listens for other instances' invalidations (immediately otherwise). */
  async ready(): Promise<void> {
    if (this.store instanceof TieredStore) await this.store.whenSubscribed();
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

function pickStrategy(options: WrapOptions): Partial<CacheStrategy> | undefined {
  const { ttl, staleWhileRevalidate, staleIfError, jitter } = options;
  if (
    ttl === undefined &&
    staleWhileRevalidate === undefined &&
    staleIfError === undefined &&
    jitter === undefined
  ) {
    return undefined;
  }
  return { ttl, staleWhileRevalidate, staleIfError, jitter };
}

function parseData<T>(entry: Entry): T | undefined {
  if (entry.kind !== EntryKind.DATA) return undefined;
  try {
    return JSON.parse(entry.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

export function createCacheManager(options?: CacheManagerOptions): CacheManager {
  return new CacheManager(options);
}
