import { LRUCache } from 'lru-cache';
import { globToRegExp } from '../glob.js';
import type { CacheStore } from '../types.js';

export interface MemoryStoreOptions {
  /** Byte budget across all entries (value bytes + key). Default 64 MB. */
  maxBytes?: number;
  /** Entry-count cap. Default 100 000. */
  maxEntries?: number;
}

interface Slot {
  value: Buffer;
  tags: readonly string[] | undefined;
}

/**
 * In-process store bounded by bytes with LRU eviction. Expiry is checked on read (lru-cache keeps one
 * timestamp per entry), so there is no timer per key to leak, unlike apicache's setTimeout per key.
 */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, Slot>;
  private readonly tagIndex = new Map<string, Set<string>>();

  constructor(options: MemoryStoreOptions = {}) {
    this.lru = new LRUCache<string, Slot>({
      max: options.maxEntries ?? 100_000,
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (slot, key) => slot.value.length + key.length + 64,
      dispose: (slot, key) => this.unindex(key, slot.tags),
    });
  }

  /** Entries held now (expired ones linger until read or evicted). */
  get size(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  async get(key: string): Promise<Buffer | undefined> {
    return this.lru.get(key)?.value;
  }

  /** Synchronous read for the L1 layer, which must not add a promise hop to a hit. */
  peek(key: string): Buffer | undefined {
    return this.lru.get(key)?.value;
  }

  async set(key: string, value: Buffer, ttlMs: number, tags?: readonly string[]): Promise<void> {
    this.lru.set(key, { value, tags: tags?.length ? tags : undefined }, { ttl: ttlMs });
    if (!tags) return;
    for (const tag of tags) {
      let keys = this.tagIndex.get(tag);
      if (!keys) {
        keys = new Set();
        this.tagIndex.set(tag, keys);
      }
      keys.add(key);
    }
  }

  async del(keys: readonly string[]): Promise<number> {
    let removed = 0;
    for (const key of keys) if (this.lru.delete(key)) removed++;
    return removed;
  }

  async delPattern(match: string): Promise<number> {
    const regexp = globToRegExp(match);
    const doomed: string[] = [];
    for (const key of this.lru.keys()) if (regexp.test(key)) doomed.push(key);
    return this.del(doomed);
  }

  async delTags(tagKeys: readonly string[]): Promise<number> {
    let removed = 0;
    for (const tag of tagKeys) {
      const keys = this.tagIndex.get(tag);
      if (!keys) continue;
      removed += await this.del([...keys]);
      this.tagIndex.delete(tag);
    }
    return removed;
  }

  async close(): Promise<void> {
    this.lru.clear();
  }

  private unindex(key: string, tags: readonly string[] | undefined): void {
    if (!tags) return;
    for (const tag of tags) {
      const keys = this.tagIndex.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.tagIndex.delete(tag);
    }
  }
}
