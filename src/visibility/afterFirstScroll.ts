import type { ObserverRoot } from './types';

// Until the user first scrolls, the page is what they see: spending bandwidth below the fold delays what
// is on screen (the LCP image). From the first scroll on, loading ahead is what keeps cells filled.

export interface FirstScrollWaiter {
  /** Called once, on the first scroll of the window or of any scroll container. */
  start(): void;
}

// What waits for the first scroll; null once it has happened. The waiters themselves, not a function each:
// a page may keep hundreds of them waiting.
let waiting: Set<FirstScrollWaiter> | null = new Set();

function release() {
  removeEventListener('scroll', release, true);
  const waiters = waiting!;
  waiting = null;
  for (const waiter of waiters) waiter.start();
}

/**
 * Has `waiter` told of the first scroll (what it releases is about to be seen) and answers true, or answers
 * false if the user has scrolled already since the page loaded.
 */
export function waitForFirstScroll(waiter: FirstScrollWaiter): boolean {
  // Capture, because scroll events of containers do not bubble; one listener for every waiter.
  if (waiting?.add(waiter).size === 1) addEventListener('scroll', release, { capture: true, passive: true });
  return !!waiting;
}

/** Stops waiting; harmless for a waiter that does not wait. The shared listener goes with the last one. */
export function stopWaiting(waiter: FirstScrollWaiter): void {
  if (waiting?.delete(waiter) && !waiting.size) removeEventListener('scroll', release, true);
}

/**
 * Whether an observed element overlaps its root's own box, not the box grown by `rootMargin`. The viewport's
 * size costs no layout; a scroll container's box is read in the observer's callback, when layout is fresh.
 */
export function isInsideRoot(entry: IntersectionObserverEntry, root: ObserverRoot | undefined): boolean {
  const rect = entry.boundingClientRect;
  // A document root (which has no box of its own) is the viewport, as for the observer.
  const bounds =
    (root as Element | null | undefined)?.getBoundingClientRect?.() ??
    new DOMRect(0, 0, innerWidth, innerHeight);
  // A box without layout (jsdom, or an empty one) cannot be placed: it counts as inside.
  return (
    !(rect.width || rect.height) ||
    (rect.top < bounds.bottom &&
      rect.bottom > bounds.top &&
      rect.left < bounds.right &&
      rect.right > bounds.left)
  );
}
