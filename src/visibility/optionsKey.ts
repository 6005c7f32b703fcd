import { expected } from '../shared/errors';

const MARGIN_PART = /^-?(\d+(\.\d+)?|\.\d+)(px|%)?$/;

// Validation runs in development builds only: production trusts the options (and drops these sentences).
// Normalising stays, so equal options written differently still share one observer.

/** Reads `rootMargin` as the platform accepts it (one to four lengths in px or %), spaces normalised. */
export function normalizeRootMargin(rootMargin: unknown, api: string): string {
  if (process.env.NODE_ENV !== 'production') {
    const parts = typeof rootMargin === 'string' ? rootMargin.trim().split(/\s+/) : [];
    if (
      parts.length < 1 ||
      parts.length > 4 ||
      !parts.every((part) => MARGIN_PART.test(part) && (/(px|%)$/.test(part) || Number(part) === 0))
    ) {
      throw new TypeError(
        expected(
          api,
          'a CSS margin such as "200px" or "10% 0px"',
          'rootMargin',
          rootMargin,
          'Give one to four lengths in px or %.',
        ),
      );
    }
  }
  return (rootMargin as string).trim().split(/\s+/).join(' ');
}

/** Reads `threshold` (a number or a list) as a sorted list. */
export function normalizeThreshold(threshold: unknown, api: string): number[] {
  const list = [threshold].flat() as number[];
  if (process.env.NODE_ENV !== 'production') {
    if (typeof threshold !== 'number' && !(Array.isArray(threshold) && threshold.length > 0)) {
      throw new TypeError(
        expected(api, 'a number between 0 and 1 or a list of them', 'threshold', threshold),
      );
    }
    for (const value of list) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new RangeError(expected(api, 'a number between 0 and 1', 'threshold', value));
      }
    }
  }
  return list.sort((a, b) => a - b);
}

/** Observers are shared by everything with the same margin and thresholds (the root is keyed apart). */
export function optionsKey(rootMargin: string, threshold: readonly number[]): string {
  return `${rootMargin}|${threshold}`;
}
