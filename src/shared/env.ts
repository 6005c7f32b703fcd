/** True in a browser; false during server rendering and in Node. Read at call time, never at import. */
export function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

// The global itself, not `window.IntersectionObserver`: absent on the server, in jsdom and in old browsers,
// and installed on the global by test mocks after this module is imported.
export function hasIntersectionObserver(): boolean {
  return typeof IntersectionObserver === 'function';
}

// Globals, not `window.x`: absent on the server (where Node 21+ does define a bare `navigator`).
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The user asked for less data (Save-Data / Data Saver). */
export function prefersReducedData(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true
  );
}
