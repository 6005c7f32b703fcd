import { expected } from '../shared/errors';

const MARGIN_PART = /^-?(\d+(\.\d+)?|\.\d+)(px|%)?$/;

/** Validates `rootMargin` as the platform accepts it: one to four lengths in px or %. */
export function normalizeRootMargin(rootMargin: unknown, api: string): string {
  if (typeof rootMargin === 'string') {
    const parts = rootMargin.trim().split(/\s+/);
    const valid =
      parts.length >= 1 &&
      parts.length <= 4 &&
      parts.every(
        (part) => MARGIN_PART.test(part) && (part.endsWith('px') || part.endsWith('%') || Number(part) === 0),
      );
    if (valid) return parts.join(' ');
  }
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

/** Validates `threshold` and returns it as a sorted list. */
export function normalizeThreshold(threshold: unknown, api: string): number[] {
  const list = typeof threshold === 'number' ? [threshold] : Array.isArray(threshold) ? threshold : undefined;
  if (list && list.length > 0) {
    for (const value of list) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        throw new RangeError(expected(api, 'a number between 0 and 1', 'threshold', value));
      }
    }
    return [...list].sort((a, b) => a - b);
  }
  throw new TypeError(expected(api, 'a number between 0 and 1 or a list of them', 'threshold', threshold));
}

/** Observers are shared by everything with the same margin and thresholds (the root is keyed apart). */
export function optionsKey(rootMargin: string, threshold: readonly number[]): string {
  return `${rootMargin}|${threshold.join(',')}`;
}
