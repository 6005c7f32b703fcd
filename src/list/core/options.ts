import { expected } from '../../shared/errors';
import type { Overscan } from './getRange';

/** Reads `overscan` as items (a number) or px ("300px"); `checkOverscan` validates it in development. */
export function parseOverscan(value: Overscan | undefined): { items: number; px: number } {
  return typeof value === 'string'
    ? { items: 0, px: parseFloat(value) }
    : { items: Math.floor(value ?? 2), px: 0 };
}

export function checkOverscan(api: string, value: unknown): void {
  if (value === undefined || (typeof value === 'number' && value >= 0 && Number.isFinite(value))) return;
  if (typeof value === 'string' && /^\d+(\.\d+)?px$/.test(value)) return;
  throw new TypeError(
    expected(api, 'a number of items such as 2 or a length such as "300px"', 'overscan', value),
  );
}

export function checkCount(api: string, count: unknown): void {
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return;
  throw new TypeError(
    expected(api, 'a whole number of at least 0', 'count', count, 'Pass either count or an items array.'),
  );
}

export function checkSize(api: string, name: string, size: unknown): void {
  if (size === undefined || typeof size === 'function') return;
  if (typeof size !== 'number' || !(size > 0) || !Number.isFinite(size))
    throw new TypeError(expected(api, 'a size in px greater than 0', name, size));
}

/** Sticky item indices from `stickyIndices`, or from `groups` (sizes of consecutive groups). */
export function stickyFrom(stickyIndices?: readonly number[], groups?: readonly number[]): readonly number[] {
  if (stickyIndices) return stickyIndices;
  // Each group's header is the item count of the groups before it.
  let next = 0;
  return (groups ?? []).map((size) => {
    const header = next;
    next += size;
    return header;
  });
}

/**
 * The last sticky index at or before `index`, or -1. A scan of them all, in any order: lists have tens of
 * groups, not thousands, and this runs once per render.
 */
export function activeSticky(headers: readonly number[], index: number): number {
  return Math.max(-1, ...headers.filter((header) => header <= index));
}
