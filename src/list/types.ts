import type { CSSProperties, Key, ReactNode } from 'react';
import type { ScrollAlign, VirtualListState } from './core/createVirtualizer';
import type { Overscan, Range } from './core/getRange';

export type { Overscan, Range, ScrollAlign, VirtualListState };

export interface ScrollToIndexOptions {
  /** Where the item should end up. `auto` scrolls only as far as needed to show it. @default "start" */
  align?: ScrollAlign;
  /** @default "auto" (instant) */
  behavior?: ScrollBehavior;
}

/** The imperative handle (`ref`) of VirtualList and VirtualGrid. */
export interface VirtualListHandle {
  /** Scrolls so that item `index` is at `align`, exactly, even through rows measured on the way. */
  scrollToIndex(index: number, options?: ScrollToIndexOptions): void;
  /** Scrolls to a content offset in px (before any scaling of very large lists). */
  scrollToOffset(offset: number, options?: { behavior?: ScrollBehavior }): void;
  /** The scroll position and measurements, to pass back as `initialState` after navigation. */
  getState(): VirtualListState;
  /** The items in view now. */
  getRange(): Range;
  /** The scrolling element (the list's own, or `document.scrollingElement` with `useWindowScroll`). */
  getScrollElement(): Element | null;
}

export interface VirtualListBaseProps {
  /** A key per row, for React and for keeping the first visible item in place when items are prepended. */
  getItemKey?: (index: number) => Key;
  /** Fixed size in px (a number) or per item (a function; memoize it). Omit it to measure each row. */
  itemSize?: number | ((index: number) => number);
  /** Size assumed for rows not measured yet. @default 50 */
  estimatedItemSize?: number;
  /** Extra items (a number) or extra px ("300px") rendered beyond each edge of the view. @default 2 */
  overscan?: Overscan;
  /** Height of the list's own scrolling box; without it the list fills its parent (`height: 100%`). */
  height?: number | string;
  /** Scroll with the page instead of an own scrolling box. */
  useWindowScroll?: boolean;
  /** With `useWindowScroll`: px between the top of the page and the list. Measured when omitted. */
  scrollMargin?: number;
  /** Lay the items out in a row and scroll sideways. */
  horizontal?: boolean;
  /** Start at the end, and push items to the bottom when they do not fill the view (chat). */
  alignToBottom?: boolean;
  /** While the view is at the end, keep it there when items are appended. */
  followOutput?: boolean;
  /** Where to start: a value from `getState()`. The same rows render again with no jump. */
  initialState?: VirtualListState;
  /** Rows rendered on the server and in the first client render, before the viewport is known. */
  initialItemCount?: number;
  /** Items that stick to the top while their group is in view (group headers). */
  stickyIndices?: readonly number[];
  /** Group sizes, header included: `[3, 5]` makes items 0 and 3 sticky headers. */
  groups?: readonly number[];
  /** Called when the items in view change. */
  onRangeChange?: (range: Range) => void;
  /** Called once per item count when the end comes within `threshold` px (or the list is short). */
  onEndReached?: () => void;
  /** Called once per item count when the start comes within `threshold` px. */
  onStartReached?: () => void;
  /** Distance from either end, in px, at which `onEndReached`/`onStartReached` fire. @default 300 */
  threshold?: number;
  className?: string;
  style?: CSSProperties;
  /** Accessible name of the list. */
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

export interface VirtualListCountProps extends VirtualListBaseProps {
  count: number;
  items?: undefined;
  children: (index: number) => ReactNode;
}

export interface VirtualListItemsProps<T> extends VirtualListBaseProps {
  items: readonly T[];
  count?: undefined;
  children: (item: T, index: number) => ReactNode;
}

export type VirtualListProps<T = unknown> = VirtualListCountProps | VirtualListItemsProps<T>;

export interface VirtualGridBaseProps
  extends Omit<
    VirtualListBaseProps,
    'horizontal' | 'itemSize' | 'estimatedItemSize' | 'stickyIndices' | 'groups'
  > {
  /** Narrowest a column may be; the column count follows the width. @default 200 */
  minColumnWidth?: number;
  /** A fixed column count instead of `minColumnWidth`. */
  columns?: number;
  /** Fixed row height in px; omit it to measure rows. */
  rowHeight?: number;
  /** Height assumed for rows not measured yet. @default 250 */
  estimatedRowHeight?: number;
  /** Space between cells in px. @default 0 */
  gap?: number;
  /**
   * An item's key, by item index (as `children` gets it). A row is keyed by its first item, so prepending
   * whole rows' worth of items keeps the first visible row in place.
   */
  getItemKey?: (index: number) => Key;
}

export interface VirtualGridCountProps extends VirtualGridBaseProps {
  count: number;
  items?: undefined;
  children: (index: number) => ReactNode;
}

export interface VirtualGridItemsProps<T> extends VirtualGridBaseProps {
  items: readonly T[];
  count?: undefined;
  children: (item: T, index: number) => ReactNode;
}

export type VirtualGridProps<T = unknown> = VirtualGridCountProps | VirtualGridItemsProps<T>;
