import type { ObserverRoot } from './types';

// Until the user first scrolls, the page is what they see: spending bandwidth below the fold delays what
// is on screen (the LCP image). From the first scroll on, loading ahead is what keeps cells filled.
// What waits for the first scroll; null once it has happened.
let waiting: Set<(waited?: boolean) => void> | null = new Set();

function release() {
  removeEventListener('scroll', release, true);
  const runs = waiting!;
  waiting = null;
  for (const run of runs) run(true);
}

/**
 * Runs `run` now if the user has scrolled since the page loaded, otherwise on the first scroll of the window
 * or of any scroll container, then with `waited` true (what the first scroll releases is about to be seen).
 * Returns an idempotent cancel; the one shared listener goes with the last waiter.
 */
export function afterFirstScroll(run: (waited?: boolean) => void): () => void {
  if (!waiting) run();
  // Capture, because scroll events of containers do not bubble; one listener for every waiter.
  else if (waiting.add(run).size === 1) addEventListener('scroll', release, { capture: true, passive: true });
  return () => {
    if (waiting?.delete(run) && !waiting.size) removeEventListener('scroll', release, true);
  };
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
