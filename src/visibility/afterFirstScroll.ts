// Until the user first scrolls, the page is what they see: spending bandwidth below the fold delays what
// is on screen (the LCP image). From the first scroll on, loading ahead is what keeps cells filled.
let hasScrolled = false;
const waiting = new Set<() => void>();

function release() {
  hasScrolled = true;
  removeEventListener('scroll', release, true);
  for (const run of waiting) run();
  waiting.clear();
}

/**
 * Runs `run` now if the user has scrolled since the page loaded, otherwise on the first scroll of the window
 * or of any scroll container. Returns an idempotent cancel; the one shared listener goes with the last waiter.
 */
export function afterFirstScroll(run: () => void): () => void {
  if (hasScrolled) {
    run();
    return () => {};
  }
  // Capture, because scroll events of containers do not bubble; one listener for every waiter.
  if (waiting.size === 0) addEventListener('scroll', release, { capture: true, passive: true });
  waiting.add(run);
  return () => {
    if (waiting.delete(run) && waiting.size === 0) removeEventListener('scroll', release, true);
  };
}

const insets = new Map<string, number[]>();

/**
 * Whether an observed element overlaps its root's own box, not the box grown by `rootMargin` (the margin as
 * the observer was given it). Computed from the entry alone: reading the viewport's or the root's size here
 * would force a layout in every observer callback while the page scrolls.
 */
export function isInsideRoot(entry: IntersectionObserverEntry, rootMargin: string): boolean {
  const bounds = entry.rootBounds;
  if (!bounds) return true;
  let parts = insets.get(rootMargin);
  if (!parts) {
    const [top = '0', right = top, bottom = top, left = right] = rootMargin.trim().split(/\s+/);
    parts = [top, right, bottom, left].flatMap((part) => [parseFloat(part) || 0, part.endsWith('%') ? 1 : 0]);
    insets.set(rootMargin, parts);
  }
  const [top, topIsShare, right, rightIsShare, bottom, bottomIsShare, left, leftIsShare] = parts as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // A share is of the root's own size: grown height = height × (1 + top% + bottom%) when both are shares.
  const height = bounds.height / (1 + (top * topIsShare + bottom * bottomIsShare) / 100);
  const width = bounds.width / (1 + (left * leftIsShare + right * rightIsShare) / 100);
  const inset = (value: number, isShare: number, size: number) => (isShare ? (value * size) / 100 : value);
  const rect = entry.boundingClientRect;
  return (
    rect.top < bounds.bottom - inset(bottom, bottomIsShare, height) &&
    rect.bottom > bounds.top + inset(top, topIsShare, height) &&
    rect.left < bounds.right - inset(right, rightIsShare, width) &&
    rect.right > bounds.left + inset(left, leftIsShare, width)
  );
}
