import { Redis } from 'ioredis';

/**
 * ioredis options that fail fast instead of queueing: with ioredis defaults a command issued during an
 * outage waits through 20 retries (seconds to a minute) before it errors. The store gives up on a command
 * after `commandTimeoutMs` itself (see deadline.ts); ioredis's own timeout, ten times longer, only reclaims
 * commands a silent connection never answers, so they cannot pile up.
 */
export function failFastOptions(commandTimeoutMs: number) {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs * 10,
    connectTimeout: 1000,
    // Reconnect forever, backing off to 2 s: the cache must come back by itself when Redis does.
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
  };
}

export function createFailFastClient(url: string, commandTimeoutMs: number): Redis {
  return new Redis(url, failFastOptions(commandTimeoutMs));
}
