import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { CircuitBreaker } from '../breaker.js';
import { withDeadline } from '../deadline.js';
import { namespaceOfKey } from '../keys.js';
import type { CacheStore, CircuitBreakerOptions, RedisClient } from '../types.js';
import { createFailFastClient } from './redisClient.js';

export interface RedisStoreOptions {
  /** Redis URL (the store owns and closes the connection) or your own ioredis client / cluster. */
  redis: string | RedisClient;
  commandTimeoutMs?: number;
  circuitBreaker?: CircuitBreakerOptions;
  /** Every failure, including commands skipped because Redis is down. */
  onError?: (error: unknown) => void;
}

const SCAN_COUNT = 1000;
const UNLINK_BATCH = 500;
const PENDING_LIMIT = 1000;

class RedisUnavailableError extends Error {
  constructor(status: string) {
    super(
      `Redis is not ready (status "${status}", or the circuit breaker is open); served without the cache.`,
    );
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Redis store on ioredis. Every command goes through `run`, which skips Redis while it is down or the
 * breaker is open and turns every failure into "no cache" for the caller: a Redis fault never fails a
 * request, it only costs a trip to the origin.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const;
  readonly client: RedisClient;
  readonly breaker: CircuitBreaker;
  private readonly owned: boolean;
  private readonly onError: (error: unknown) => void;
  /** Invalidations that failed while Redis was away, replayed when it is back so no stale entry survives. */
  private pending: (() => Promise<number>)[] = [];
  private readonly clientPrefix: string;
  /** Deadline per command on a client the store created; a client you pass keeps its own timeouts. */
  private readonly deadlineMs: number | undefined;

  constructor(options: RedisStoreOptions) {
    this.owned = typeof options.redis === 'string';
    this.client =
      typeof options.redis === 'string'
        ? createFailFastClient(options.redis, options.commandTimeoutMs ?? 100)
        : options.redis;
    this.deadlineMs = this.owned ? (options.commandTimeoutMs ?? 100) : undefined;
    this.breaker = new CircuitBreaker(options.circuitBreaker);
    this.onError = options.onError ?? (() => {});
    // ioredis adds keyPrefix to command keys but not to SCAN patterns or replies (ioredis #239, #325).
    this.clientPrefix = (this.client.options as { keyPrefix?: string }).keyPrefix ?? '';
    this.client.on('error', this.onError);
    this.client.on('ready', () => this.replayPending());
  }

  get isReady(): boolean {
    return this.client.status === 'ready';
  }

  async get(key: string): Promise<Buffer | undefined> {
    return (await this.run(() => this.client.getBuffer(key))) ?? undefined;
  }

  async set(key: string, value: Buffer, ttlMs: number, tags?: readonly string[]): Promise<void> {
    if (!tags?.length) {
      await this.run(() => this.client.set(key, value, 'PX', ttlMs));
      return;
    }
    await this.run(() =>
      Promise.all([
        this.client.set(key, value, 'PX', ttlMs),
        ...tags.flatMap((tag) => [
          this.client.sadd(tag, key),
          // NX gives a new set a TTL, GT only ever extends it: the set outlives every member it lists.
          this.client.pexpire(tag, ttlMs, 'NX'),
          this.client.pexpire(tag, ttlMs, 'GT'),
        ]),
      ]),
    );
  }

  async del(keys: readonly string[]): Promise<number> {
    return this.invalidation(() => this.unlinkBySlot(keys));
  }

  /** SCAN + UNLINK in batches on every master: never `KEYS`, which blocks Redis for the whole keyspace. */
  async delPattern(match: string): Promise<number> {
    return this.invalidation(async () => {
      let removed = 0;
      for (const node of this.masters()) {
        let cursor = '0';
        do {
          const [next, found] = await node.scan(
            cursor,
            'MATCH',
            this.clientPrefix + match,
            'COUNT',
            SCAN_COUNT,
          );
          cursor = next;
          if (found.length > 0) removed += await this.unlinkBySlot(found.map((key) => this.stripPrefix(key)));
        } while (cursor !== '0');
      }
      return removed;
    });
  }

  /** `onMembers` sees every key removed, so an L1 that never saw the tags can drop the same keys. */
  async delTags(tagKeys: readonly string[], onMembers?: (keys: string[]) => void): Promise<number> {
    return this.invalidation(async () => {
      let removed = 0;
      for (const tag of tagKeys) {
        let cursor = '0';
        do {
          const [next, members] = await this.client.sscan(tag, cursor, 'COUNT', SCAN_COUNT);
          cursor = next;
          if (members.length > 0) {
            onMembers?.(members);
            removed += await this.unlinkBySlot(members);
          }
        } while (cursor !== '0');
        await this.client.unlink(tag);
      }
      return removed;
    });
  }

  async tryLock(key: string, ttlMs: number): Promise<string | 'held' | undefined> {
    const token = randomUUID();
    const reply = await this.run(() => this.client.set(key, token, 'PX', ttlMs, 'NX'));
    if (reply === undefined) return undefined;
    return reply === 'OK' ? token : 'held';
  }

  /** Deletes the lock only if it is still ours (it may have expired and been taken by another instance). */
  async unlock(key: string, token: string): Promise<void> {
    await this.run(() =>
      this.client.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
        1,
        key,
        token,
      ),
    );
  }

  async close(): Promise<void> {
    this.client.off('error', this.onError);
    if (this.owned) this.client.disconnect();
  }

  /** `timed`: single reads and writes get the short deadline; multi-command invalidations run to the end. */
  private async run<T>(command: () => Promise<T>, timed = true): Promise<T | undefined> {
    if (this.client.status !== 'ready' || !this.breaker.allow()) {
      this.onError(new RedisUnavailableError(this.client.status));
      return undefined;
    }
    try {
      const result = await (this.deadlineMs === undefined || !timed
        ? command()
        : withDeadline(command(), this.deadlineMs));
      this.breaker.success();
      return result;
    } catch (error) {
      this.breaker.failure();
      this.onError(error);
      return undefined;
    }
  }

  private async invalidation(work: () => Promise<number>): Promise<number> {
    const result = await this.run(work, false);
    if (result === undefined && this.pending.length < PENDING_LIMIT) this.pending.push(work);
    return result ?? 0;
  }

  private replayPending(): void {
    const queued = this.pending;
    this.pending = [];
    for (const work of queued) void this.invalidation(work);
  }

  private masters(): Redis[] {
    return this.client.isCluster ? (this.client as Cluster).nodes('master') : [this.client as Redis];
  }

  private stripPrefix(key: string): string {
    return this.clientPrefix && key.startsWith(this.clientPrefix) ? key.slice(this.clientPrefix.length) : key;
  }

  /** UNLINK frees memory off the main thread; keys are grouped by namespace so each call hits one slot. */
  private async unlinkBySlot(keys: readonly string[]): Promise<number> {
    const bySlot = new Map<string, string[]>();
    for (const key of keys) {
      const slot = namespaceOfKey(key);
      const group = bySlot.get(slot);
      if (group) group.push(key);
      else bySlot.set(slot, [key]);
    }
    let removed = 0;
    for (const group of bySlot.values()) {
      for (let i = 0; i < group.length; i += UNLINK_BATCH) {
        const batch = group.slice(i, i + UNLINK_BATCH);
        removed += this.client.isCluster
          ? (await Promise.all(batch.map((key) => this.client.unlink(key)))).reduce((a, b) => a + b, 0)
          : await this.client.unlink(...batch);
      }
    }
    return removed;
  }
}
