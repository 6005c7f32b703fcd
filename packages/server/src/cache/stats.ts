import type { CacheCounters } from './types.js';

export type Counter = Exclude<keyof CacheCounters, 'hitRate'>;

/** Every counter of `stats()`, in the order metrics and reports list them. */
export const COUNTERS: readonly Counter[] = [
  'hits',
  'misses',
  'staleHits',
  'staleIfError',
  'bypasses',
  'coalesced',
  'loads',
  'errors',
];

function empty(): Record<Counter, number> {
  return {
    hits: 0,
    misses: 0,
    staleHits: 0,
    staleIfError: 0,
    bypasses: 0,
    coalesced: 0,
    loads: 0,
    errors: 0,
  };
}

function withRate(counts: Record<Counter, number>): CacheCounters {
  const lookups = counts.hits + counts.staleHits + counts.misses;
  return { ...counts, hitRate: lookups === 0 ? 0 : (counts.hits + counts.staleHits) / lookups };
}

/** Plain counters per namespace; cheap enough to bump on every hit. */
export class StatsRecorder {
  private readonly byNamespace = new Map<string, Record<Counter, number>>();
  /** Store errors outside any namespace (pub/sub, invalidations). */
  private readonly global = empty();

  count(namespace: string | undefined, counter: Counter, by = 1): void {
    if (namespace === undefined) {
      this.global[counter] += by;
      return;
    }
    let counts = this.byNamespace.get(namespace);
    if (!counts) {
      counts = empty();
      this.byNamespace.set(namespace, counts);
    }
    counts[counter] += by;
  }

  snapshot(): { totals: CacheCounters; namespaces: Record<string, CacheCounters> } {
    const totals = { ...this.global };
    const namespaces: Record<string, CacheCounters> = {};
    for (const [namespace, counts] of this.byNamespace) {
      namespaces[namespace] = withRate(counts);
      for (const counter of COUNTERS) totals[counter] += counts[counter];
    }
    return { totals: withRate(totals), namespaces };
  }
}
