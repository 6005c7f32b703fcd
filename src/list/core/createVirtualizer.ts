import { getRenderRange, getVisibleRange, type Overscan, type Range } from './getRange';
import { parseOverscan } from './options';
import { MAX_SCROLL_SIZE } from './scrollScale';
import { createSizeCache, type SizeCache, type SizeOf } from './sizeCache';

export type ScrollAlign = 'start' | 'center' | 'end' | 'auto';

/** What `getState()` returns and `initialState` accepts: enough to render the same rows again. */
export interface VirtualListState {
  /** Scroll offset in content px (not scaled). */
  scrollOffset: number;
  /** Size of the viewport when the state was taken, so the first render already shows the right rows. */
  viewportSize: number;
  /** Measured item sizes as [index, size] pairs. */
  measurements: Array<[number, number]>;
}

export interface Virtualizer {
  readonly sizes: SizeCache;
  /** Content scroll offset (virtual px). */
  readonly scroll: number;
  /** Scroll offset the DOM should have (scaled px). */
  readonly physical: number;
  readonly viewport: number;
  /** Content px left below the view. */
  readonly remaining: number;
  /** Size of the scrollable content in the DOM (capped, plus the space `alignToBottom` adds). */
  readonly domSize: number;
  /** Rendered range, [start, end). */
  start: number;
  end: number;
  /** The target of a scrollToIndex in progress: re-aimed after every measurement until nothing moves. */
  pending: (() => number) | null;
  setSizes(count: number, base: SizeOf, prepended: number, follow: boolean): void;
  setViewport(size: number): void;
  /** The DOM scrolled to `physical`; returns true when the rendered rows must change. */
  scrolled(physical: number): boolean;
  /** Applies measurements, keeping the first visible item (or the end, when pinned) where it is. */
  measure(pairs: Array<[number, number]>): boolean;
  scrollTo(offset: number): void;
  targetOf(index: number, align: ScrollAlign): number;
  /** Recomputes the rendered range; returns true when it changed. */
  updateRange(): boolean;
  /** Position of the first rendered item inside the scrollable element. */
  windowOffset(): number;
  visible(): Range;
  snapshot(): VirtualListState;
}

/** Takes the list's props as they are (`overscan`, `alignToBottom`, `initialState`), plus these. */
export function createVirtualizer(options: {
  count: number;
  base: SizeOf;
  overscan?: Overscan | undefined;
  alignToBottom?: boolean | undefined;
  initialState?: VirtualListState | undefined;
  /** Viewport size to assume before it is measured (a numeric `height`): rows render in the first pass. */
  viewport?: number | undefined;
}): Virtualizer {
  const state = options.initialState;
  const overscan = parseOverscan(options.overscan);
  const alignToBottom = !!options.alignToBottom;
  let sizes = createSizeCache(options.count, options.base, state?.measurements);
  let scroll = state?.scrollOffset ?? 0;
  let viewport = state?.viewportSize ?? options.viewport ?? 0;
  let physical = 0;
  /** Size of the scrollable element in px: the content's, at most MAX_SCROLL_SIZE. */
  let physicalSize = 0;
  /** Content px per scrollbar px: exactly 1 while the content fits. */
  let ratio = 1;
  /** The largest content and scrollbar offsets. */
  let maxVirtual = 0;
  let maxPhysical = 0;
  let lead = 0;
  // Scaled lists: content offset minus scrollbar offset × ratio, so programmatic scrolls land exactly.
  let correction = 0;
  /** True while the view sits at the end: size changes then keep the end in place. */
  let pinned = alignToBottom;

  const clamp = (value: number) => Math.max(0, Math.min(value, maxVirtual));
  const rescale = () => {
    const total = sizes.total();
    physicalSize = Math.min(total, MAX_SCROLL_SIZE);
    maxVirtual = Math.max(0, total - viewport);
    maxPhysical = Math.max(0, physicalSize - viewport);
    ratio = total > MAX_SCROLL_SIZE && maxPhysical > 0 ? maxVirtual / maxPhysical : 1;
    lead = alignToBottom ? Math.max(0, viewport - total) : 0;
    scroll = clamp(scroll);
    physical = ratio === 1 ? scroll : scroll >= maxVirtual ? maxPhysical : Math.round(scroll / ratio);
    correction = scroll - physical * ratio;
  };
  // A list that fits its viewport is at its end only in chat mode: there the first messages, when they
  // come, must open at the bottom; elsewhere growing content must not pull the view down.
  const atEnd = () => (maxVirtual > 0 || alignToBottom) && scroll >= maxVirtual - 1;
  const scrollTo = (offset: number) => {
    scroll = offset;
    rescale();
    pinned = atEnd();
  };
  const visible = () => getVisibleRange(sizes, scroll, viewport);

  const v: Virtualizer = {
    get sizes() {
      return sizes;
    },
    get scroll() {
      return scroll;
    },
    get physical() {
      return physical;
    },
    get viewport() {
      return viewport;
    },
    get remaining() {
      return maxVirtual - scroll;
    },
    get domSize() {
      return physicalSize + lead;
    },
    start: 0,
    end: 0,
    pending: null,
    setSizes(count, base, prepended, follow) {
      const previous = sizes;
      const anchor = previous.indexAt(scroll);
      const inView = previous.offset(anchor) - scroll;
      sizes = createSizeCache(
        count,
        base,
        previous.measurements().map(([index, size]) => [index + prepended, size] as [number, number]),
      );
      if (prepended > 0 && !(pinned && follow)) scroll = sizes.offset(anchor + prepended) - inView;
      rescale();
      if (pinned && (follow || count <= previous.count)) scrollTo(maxVirtual);
      else pinned = pinned && scroll >= maxVirtual - 1;
    },
    setViewport(size) {
      viewport = size;
      rescale();
      if (pinned) scrollTo(maxVirtual);
    },
    scrolled(position) {
      // Our own scroll write (scrollToIndex): the position is known, the rows may not be rendered yet.
      if (Math.abs(position - physical) < 1) return v.updateRange();
      v.pending = null;
      physical = position;
      // At either end of a scaled range the mapping resets, so the first and the last item end flush.
      const edge = position <= 0 || position >= maxPhysical - 0.5;
      if (edge) correction = 0;
      scroll = edge ? (position > 0 ? maxVirtual : 0) : clamp(position * ratio + correction);
      pinned = atEnd();
      return v.updateRange() || ratio !== 1;
    },
    measure(pairs) {
      // The anchor is the first visible item that was already placed: rows measured for the first time
      // (those entering from above while scrolling up) must not move what was on screen before. When every
      // visible row is new (mount, jump), the first visible row keeps its place.
      const fresh = (index: number) =>
        !sizes.isMeasured(index) && pairs.some(([measured]) => measured === index);
      const { startIndex, endIndex } = visible();
      let anchor = startIndex;
      while (fresh(anchor) && anchor < endIndex) anchor++;
      // At the very top the top stays: the page above a window-scrolled list must not move either.
      if (fresh(anchor) || scroll <= 0) anchor = startIndex;
      const before = sizes.offset(anchor);
      let changed = false;
      for (const [index, size] of pairs) if (sizes.set(index, size) !== 0) changed = true;
      if (!changed) return false;
      const next = scroll + sizes.offset(anchor) - before;
      rescale();
      scrollTo(pinned ? maxVirtual : next);
      return true;
    },
    scrollTo,
    targetOf(index, align) {
      const item = Math.max(0, Math.min(index, sizes.count - 1));
      const start = sizes.offset(item);
      const size = sizes.size(item);
      if (align === 'center') return start + (size - viewport) / 2;
      const end = start + size - viewport;
      if (align === 'end') return end;
      if (align === 'auto') return start < scroll ? start : Math.max(end, scroll);
      return start;
    },
    updateRange() {
      const { startIndex, endIndex } = visible();
      if (v.end <= sizes.count && startIndex >= v.start && endIndex < v.end) return false;
      const [start, end] = getRenderRange(sizes, scroll, viewport, overscan);
      const changed = start !== v.start || end !== v.end;
      v.start = start;
      v.end = end;
      return changed;
    },
    windowOffset() {
      const offset = sizes.offset(v.start);
      return lead + (ratio === 1 ? offset : physical + offset - scroll);
    },
    visible,
    snapshot: () => ({ scrollOffset: scroll, viewportSize: viewport, measurements: sizes.measurements() }),
  };
  rescale();
  return v;
}
