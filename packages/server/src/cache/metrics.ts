import { Counter, register as defaultRegistry, Gauge, type Registry } from 'prom-client';
import type { CacheManager } from './CacheManager.js';
import { COUNTERS } from './stats.js';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Exposes `cache.stats()` to Prometheus: one `perfkit_cache_<counter>_total{namespace}` per counter, the hit
 * ratio per namespace and the breaker state (0 closed, 1 half-open, 2 open). Values are read at scrape time.
 */
export function registerCacheMetrics(cache: CacheManager, registry: Registry = defaultRegistry): void {
  for (const counter of COUNTERS) {
    new Counter({
      name: `perfkit_cache_${snake(counter)}_total`,
      help: `perfkit cache ${counter} per namespace`,
      labelNames: ['namespace'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [namespace, counts] of Object.entries(cache.stats().namespaces)) {
          if (counts[counter] > 0) this.inc({ namespace }, counts[counter]);
        }
      },
    });
  }
  new Gauge({
    name: 'perfkit_cache_hit_ratio',
    help: 'Share of lookups answered from the cache (fresh or stale) per namespace',
    labelNames: ['namespace'],
    registers: [registry],
    collect() {
      for (const [namespace, counts] of Object.entries(cache.stats().namespaces))
        this.set({ namespace }, counts.hitRate);
    },
  });
  new Gauge({
    name: 'perfkit_cache_breaker_state',
    help: 'Redis circuit breaker: 0 closed, 1 half-open, 2 open (absent without Redis)',
    registers: [registry],
    collect() {
      const state = cache.stats().breaker;
      if (state !== 'none') this.set(state === 'closed' ? 0 : state === 'half-open' ? 1 : 2);
    },
  });
}
