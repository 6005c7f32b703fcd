// Until the user first scrolls, the page is what they see: spending bandwidth below the fold delays what
// is on screen (the LCP image). From the first scroll on, loading ahead is what keeps cells filled.
// What waits for the first scroll; null once it has happened.
let waiting: Set<() => void> | null = new Set();

function release() {
  removeEventListener('scroll', release, true);
  const runs = waiting!;
  waiting = null;
  for (const run of runs) run();
}

/**
 * Runs `run` now if the user has scrolled since the page loaded, otherwise on the first scroll of the window
 * or of any scroll container. Returns an idempotent cancel; the one shared listener goes with the last waiter.
 */
export function afterFirstScroll(run: () => void): () => void {
  if (!waiting) run();
  // Capture, because scroll events of containers do not bubble; one listener for every waiter.
  else if (waiting.add(run).size === 1) addEventListener('scroll', release, { capture: true, passive: true });
  return () => {
    if (waiting?.delete(run) && !waiting.size) removeEventListener('scroll', release, true);
  };
}

/** One side of the root's margin: px, or a share (0.1 for 10%) of the root's own size. */
function marginOf(part: string): [px: number, share: number] {
  const value = parseFloat(part);
  return part.endsWith('%') ? [0, value / 100] : [value, 0];
}

/** The margin in px at each end of one axis, given the grown size the observer reports. */
function insets(grown: number, start: string, end: string): [number, number] {
  const [startPx, startShare] = marginOf(start);
  const [endPx, endShare] = marginOf(end);
  // grown = own × (1 + shares) + px, and a share is of the root's own size.
  const own = (grown - startPx - endPx) / (1 + startShare + endShare);
  return [startPx + startShare * own, endPx + endShare * own];
}

/**
 * Whether an observed element overlaps its root's own box, not the box grown by `rootMargin` (the margin as
 * the observer was given it). Computed from the entry alone: reading the viewport's or the root's size here
 * would force a layout in every observer callback while the page scrolls.
 */
export function isInsideRoot(entry: IntersectionObserverEntry, rootMargin: string): boolean {
  const bounds = entry.rootBounds;
  if (!bounds) return true;
  const [top = '', right = top, bottom = top, left = right] = rootMargin.trim().split(/\s+/);
  const [insetTop, insetBottom] = insets(bounds.height, top, bottom);
  const [insetLeft, insetRight] = insets(bounds.width, left, right);
  const rect = entry.boundingClientRect;
  return (
    rect.top < bounds.bottom - insetBottom &&
    rect.bottom > bounds.top + insetTop &&
    rect.left < bounds.right - insetRight &&
    rect.right > bounds.left + insetLeft
  );
}
