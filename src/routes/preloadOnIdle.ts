import { isBrowser, prefersReducedData } from '../shared/env';
import type { Preloadable } from './lazyWithPreload';

export interface PreloadOnIdleOptions {
  /** Longest wait for an idle moment before preloading anyway, in ms. @default 2000 */
  timeout?: number;
}

type Connection = { effectiveType?: string };

function isSlowConnection(): boolean {
  const type = (navigator as Navigator & { connection?: Connection }).connection?.effectiveType;
  return type === 'slow-2g' || type === '2g';
}

/**
 * Preloads `targets` one after another, each when the main thread is idle (requestIdleCallback, or a timer
 * where it is missing). Does nothing under Save-Data or on a 2G connection. Returns a cancel function.
 */
export function preloadOnIdle(
  targets: ReadonlyArray<Preloadable | (() => unknown)>,
  { timeout = 2000 }: PreloadOnIdleOptions = {},
): () => void {
  let cancelled = false;
  if (!isBrowser() || prefersReducedData() || isSlowConnection()) return () => {};
  const whenIdle = (callback: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(callback, { timeout })
      : setTimeout(callback, Math.min(timeout, 200));
  const next = (index: number) => {
    const target = targets[index];
    if (cancelled || !target) return;
    whenIdle(() => {
      if (cancelled) return;
      const result = typeof target === 'function' ? target() : target.preload();
      // One at a time: the next waits for this one, and a failure does not stop the rest.
      Promise.resolve(result).then(
        () => next(index + 1),
        () => next(index + 1),
      );
    });
  };
  next(0);
  return () => {
    cancelled = true;
  };
}
