/** True in a browser; false during server rendering and in Node. Read at call time, never at import. */
export function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

export function hasIntersectionObserver(): boolean {
  return isBrowser() && typeof window.IntersectionObserver === 'function';
}

export function prefersReducedMotion(): boolean {
  return isBrowser() && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}

/** The user asked for less data (Save-Data / Data Saver). */
export function prefersReducedData(): boolean {
  if (!isBrowser()) return false;
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}
