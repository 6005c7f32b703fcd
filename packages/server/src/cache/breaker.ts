import type { CircuitBreakerOptions } from './types.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * Stops sending commands to a store that keeps failing, so a Redis outage costs one fast "no" per request
 * instead of one timeout per request. After `cooldownMs` a single probe is let through.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.threshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 1000;
  }

  get state(): BreakerState {
    if (this.failures < this.threshold) return 'closed';
    return Date.now() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
  }

  failure(): void {
    this.probing = false;
    this.failures++;
    if (this.failures >= this.threshold) this.openedAt = Date.now();
  }
}
