import type { SizeCache } from './sizeCache';

/** Overscan as a number of items, or as a CSS length in px ("200px"). */
export type Overscan = number | `${number}px`;

export interface Range {
  /** First item in view (inclusive). */
  startIndex: number;
  /** Last item in view (inclusive); -1 when the list is empty. */
  endIndex: number;
}

/** The items that intersect [scroll, scroll + viewport). */
export function getVisibleRange(sizes: SizeCache, scroll: number, viewport: number): Range {
  const startIndex = sizes.indexAt(scroll);
  // The item that starts exactly at the bottom edge is not visible. An empty list ends at -1.
  const endIndex = Math.min(sizes.count - 1, Math.max(startIndex, sizes.indexAt(scroll + viewport - 0.5)));
  return { startIndex, endIndex };
}

/** The items to render: the visible ones plus overscan, as [start, end) (end exclusive). */
export function getRenderRange(
  sizes: SizeCache,
  scroll: number,
  viewport: number,
  overscan: { items: number; px: number },
): [number, number] {
  // An empty list has the range { 0, -1 }, which comes out as [0, 0].
  const { startIndex, endIndex } = getVisibleRange(sizes, scroll - overscan.px, viewport + 2 * overscan.px);
  return [Math.max(0, startIndex - overscan.items), Math.min(sizes.count, endIndex + 1 + overscan.items)];
}
