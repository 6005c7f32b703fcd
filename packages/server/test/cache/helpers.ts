import express, { type Express } from 'express';
import { inject } from 'vitest';
import { type CacheManager, type CacheManagerOptions, createCacheManager } from '../../src/index.js';

export type StoreKind = 'memory' | 'redis';

let counter = 0;

/** A manager on the named store with a unique key prefix, so suites share one redis-server safely. */
export function makeCache(kind: StoreKind, options: CacheManagerOptions = {}): CacheManager {
  const prefix = `t${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}:`;
  return createCacheManager({
    prefix,
    jitter: 0,
    ...(kind === 'redis' ? { redis: inject('redisUrl') } : {}),
    ...options,
  });
}

/** Waits until a Redis-backed manager can serve (the fail-fast client skips commands until ready). */
export async function untilReady(cache: CacheManager): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await cache.set('probe', 'ready', 'ok', 1);
    if ((await cache.get('probe', 'ready')) === 'ok') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('cache never became ready');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function newApp(): Express {
  const app = express();
  app.set('etag', false);
  return app;
}
