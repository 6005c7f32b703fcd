import type { Cluster, Redis } from 'ioredis';

/** What a response carried back in `X-Cache`. */
export const CacheStatus = {
  HIT: 'HIT',
  MISS: 'MISS',
  STALE: 'STALE',
  BYPASS: 'BYPASS',
} as const;
export type CacheStatus = (typeof CacheStatus)[keyof typeof CacheStatus];

/**
 * The small interface every store implements. Values are opaque buffers (see entry.ts), so a hit never
 * re-serializes anything; keys arrive fully prefixed.
 */
export interface CacheStore {
  readonly kind: 'memory' | 'redis' | 'tiered';
  get(key: string): Promise<Buffer | undefined>;
  /** `ttlMs` is how long the store keeps the bytes (fresh + stale windows). */
  set(key: string, value: Buffer, ttlMs: number, tags?: readonly string[]): Promise<void>;
  del(keys: readonly string[]): Promise<number>;
  /** `match` is a Redis glob over full keys (prefix included). Never uses `KEYS`. */
  delPattern(match: string): Promise<number>;
  delTags(tagKeys: readonly string[]): Promise<number>;
  /**
   * Shared stores only: takes a lock that expires after `ttlMs`. Resolves with a token when taken, `'held'`
   * when another instance holds it, undefined when the store cannot tell (Redis down: load without it).
   */
  tryLock?(key: string, ttlMs: number): Promise<string | 'held' | undefined>;
  unlock?(key: string, token: string): Promise<void>;
  close(): Promise<void>;
}

export type RedisClient = Redis | Cluster;

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  threshold?: number;
  /** How long the circuit stays open before one probe is allowed, in ms. Default 1000. */
  cooldownMs?: number;
}

export interface L1Options {
  /** Byte budget of the in-process layer. Default 16 MB. */
  maxBytes?: number;
  /** Upper bound on how long L1 keeps an entry, in seconds, if an invalidation message is lost. Default 30. */
  maxTtl?: number;
}

export interface CacheManagerOptions {
  /** A Redis URL (`redis://127.0.0.1:6379`) or an ioredis client / cluster. Omit for the memory store. */
  redis?: string | RedisClient;
  /** Prefix of every key. Default `perfkit:`. */
  prefix?: string;
  /** Byte budget of the memory store (used when `redis` is omitted). Default 64 MB. */
  maxBytes?: number;
  /** Entry-count cap of the memory store. Default 100 000. */
  maxEntries?: number;
  /** Largest value stored, in bytes; bigger ones pass through uncached. Default 1 MB. */
  maxEntrySize?: number;
  /** In-process layer in front of Redis, kept coherent across instances through Redis pub/sub. */
  l1?: boolean | L1Options;
  /** Default TTL in seconds for `set`/`wrap` without one. Default 60. */
  ttl?: number;
  /** Share of the TTL used as random spread (0–0.5). Default 0.1, i.e. ±10 %. */
  jitter?: number;
  /** Seconds after expiry during which a stale value is served while one background refresh runs. Default 0. */
  staleWhileRevalidate?: number;
  /** Seconds after expiry during which a stale value is served if the loader fails. Default 0. */
  staleIfError?: number;
  /** How long callers wait for another caller's load of the same key before loading themselves, in ms. Default 5000. */
  coalesceTimeoutMs?: number;
  /**
   * With Redis: how long a miss holds a Redis lock (`SET NX PX`) so that other instances wait for its entry
   * instead of calling the origin too, in ms. 0 turns the lock off (single flight stays per process). Default 0.
   */
  lockMs?: number;
  /** Redis command timeout in ms (URL form only). Default 100. */
  commandTimeoutMs?: number;
  circuitBreaker?: CircuitBreakerOptions;
  /** Called with every store error (they never reach the caller). */
  onError?: (error: unknown) => void;
}

export interface CacheCounters {
  hits: number;
  misses: number;
  staleHits: number;
  /** Served stale because the loader or origin failed. */
  staleIfError: number;
  bypasses: number;
  /** Callers that waited for another caller's load instead of calling the loader. */
  coalesced: number;
  loads: number;
  errors: number;
  /** hits + staleHits over all lookups, 0 when there were none. */
  hitRate: number;
}

export interface CacheStats extends CacheCounters {
  namespaces: Record<string, CacheCounters>;
  breaker: 'closed' | 'open' | 'half-open' | 'none';
  store: CacheStore['kind'];
}

/** Options for one namespace of `wrap` / `set`: a preset such as `TtlStrategies.POST_FEED` or your own. */
export interface CacheStrategy {
  ttl: number;
  staleWhileRevalidate?: number;
  staleIfError?: number;
  jitter?: number;
}

export interface WrapOptions extends Partial<CacheStrategy> {
  /** Tags for `invalidateTags`, e.g. `['user:42']`. */
  tags?: readonly string[];
}
