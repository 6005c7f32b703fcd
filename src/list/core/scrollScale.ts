// Chromium stops growing an element at 33,554,428 px (Firefox near 17.9M). Past this size the scroll range
// is scaled: the scrollbar spans MAX_SCROLL_SIZE px, one px of it stands for `ratio` px of content, and the
// rows are placed relative to the current scroll position so they keep their real spacing on screen.
export const MAX_SCROLL_SIZE = 15_000_000;

/**
 * The scale of a content size in a viewport, as [physicalSize, ratio, maxVirtual, maxPhysical] (a tuple, so
 * that a minifier can shorten the names): the size of the scrollable element in px (at most `max`), content
 * px per scrollbar px (exactly 1 when the content fits), and the largest content and scrollbar offsets.
 */
export type ScrollScale = [physicalSize: number, ratio: number, maxVirtual: number, maxPhysical: number];

export function getScrollScale(total: number, viewport: number, max = MAX_SCROLL_SIZE): ScrollScale {
  const physicalSize = Math.min(total, max);
  const maxVirtual = Math.max(0, total - viewport);
  const maxPhysical = Math.max(0, physicalSize - viewport);
  return [
    physicalSize,
    total > max && maxPhysical > 0 ? maxVirtual / maxPhysical : 1,
    maxVirtual,
    maxPhysical,
  ];
}
