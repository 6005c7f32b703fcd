import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { globToRegExp } from '../glob.js';
import type { CacheStore } from '../types.js';
import { MemoryStore } from './memory.js';
import type { RedisStore } from './redis.js';

export interface TieredStoreOptions {
  l1MaxBytes: number;
  l1MaxTtlMs: number;
  channel: string;
  onError: (error: unknown) => void;
}

type Invalidation = { from: string; keys?: string[]; match?: string; tags?: string[] };

/**
 * An in-process LRU in front of Redis. Every write and invalidation is published on one channel; the
 * other instances drop the same keys from their L1, so an invalidation on one instance reaches all.
 */
export class TieredStore implements CacheStore {
  readonly kind = 'tiered' as const;
  readonly l1: MemoryStore;
  private readonly id = randomUUID();
  private readonly subscriber: Redis;
  private readonly ready: Promise<void>;

  constructor(
    readonly l2: RedisStore,
    private readonly options: TieredStoreOptions,
  ) {
    this.l1 = new MemoryStore({ maxBytes: options.l1MaxBytes });
    this.subscriber = (l2.client as Redis).duplicate();
    this.subscriber.on('error', options.onError);
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    let subscribed!: () => void;
    this.ready = new Promise((resolve) => {
      subscribed = resolve;
    });
    // The offline queue is off, so subscribe once connected; ioredis re-subscribes after reconnects.
    this.subscriber.once('ready', () => {
      this.subscriber.subscribe(options.channel).then(subscribed, options.onError);
    });
    // While the subscriber was disconnected, messages were lost: drop L1 when it comes back.
    this.subscriber.on('ready', () => void this.l1.close());
  }

  /** Resolves once this instance listens for other instances' invalidations and Redis answers. */
  async whenSubscribed(): Promise<void> {
    await this.ready;
    if (!this.l2.isReady) await new Promise((resolve) => this.l2.client.once('ready', resolve));
  }

  async get(key: string): Promise<Buffer | undefined> {
    const local = this.l1.peek(key);
    if (local) return local;
    const remote = await this.l2.get(key);
    // The remaining lifetime is unknown without a PTTL round trip, so L1 keeps it for at most l1MaxTtl;
    // the manager still checks freshness inside the entry, so this never extends a TTL.
    if (remote) await this.l1.set(key, remote, this.options.l1MaxTtlMs);
    return remote;
  }

  async set(key: string, value: Buffer, ttlMs: number, tags?: readonly string[]): Promise<void> {
    await this.l1.set(key, value, Math.min(ttlMs, this.options.l1MaxTtlMs), tags);
    await this.l2.set(key, value, ttlMs, tags);
    this.publish({ from: this.id, keys: [key] });
  }

  async del(keys: readonly string[]): Promise<number> {
    await this.l1.del(keys);
    const removed = await this.l2.del(keys);
    this.publish({ from: this.id, keys: [...keys] });
    return removed;
  }

  async delPattern(match: string): Promise<number> {
    const local = await this.l1.delPattern(match);
    const removed = await this.l2.delPattern(match);
    this.publish({ from: this.id, match });
    return Math.max(local, removed);
  }

  async delTags(tagKeys: readonly string[]): Promise<number> {
    const local = await this.l1.delTags(tagKeys);
    const members: string[] = [];
    const removed = await this.l2.delTags(tagKeys, (keys) => members.push(...keys));
    // Other instances may hold these keys in L1 without knowing their tags (filled from Redis on a read).
    this.publish({ from: this.id, tags: [...tagKeys], keys: members });
    return Math.max(local, removed);
  }

  tryLock(key: string, ttlMs: number): Promise<string | 'held' | undefined> {
    return this.l2.tryLock(key, ttlMs);
  }

  unlock(key: string, token: string): Promise<void> {
    return this.l2.unlock(key, token);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.l1.close();
    await this.l2.close();
  }

  private publish(message: Invalidation): void {
    if (!this.l2.isReady) return;
    this.l2.client.publish(this.options.channel, JSON.stringify(message)).catch(this.options.onError);
  }

  private receive(raw: string): void {
    let message: Invalidation;
    try {
      message = JSON.parse(raw) as Invalidation;
    } catch {
      return;
    }
    if (message.from === this.id) return;
    if (Array.isArray(message.keys)) void this.l1.del(message.keys);
    if (typeof message.match === 'string') {
      try {
        globToRegExp(message.match);
        void this.l1.delPattern(message.match);
      } catch {
        // A malformed pattern from a foreign publisher is ignored, never thrown into the event loop.
      }
    }
    if (Array.isArray(message.tags)) void this.l1.delTags(message.tags);
  }
}
