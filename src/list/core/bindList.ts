import type { ScrollAlign, Virtualizer } from './createVirtualizer';
import type { Range } from './getRange';

/** What the binding reads from the current props on every call. */
export interface ListSettings {
  useWindowScroll?: boolean;
  horizontal?: boolean;
  scrollMargin?: number;
  /** Rows are measured when there is no fixed size. */
  itemSize?: unknown;
  /** A restored or chat list starts where its core says, not where the DOM happens to be. */
  initialState?: unknown;
  alignToBottom?: boolean;
  /** Keys that tell a prepend: `getItemKey`, else the items themselves. */
  getItemKey?: ((index: number) => unknown) | undefined;
  items?: readonly unknown[] | undefined;
  onRangeChange?: (range: Range) => void;
  onEndReached?: () => void;
  onStartReached?: () => void;
  threshold?: number;
}

export interface ListBinding {
  /** What a render places: the rendered range, its position and the scroll size. */
  layout(): string;
  /** After each commit: measure new rows, correct, and ask for another render until nothing moves. */
  commit(scroller: HTMLElement, list: HTMLElement, layout: string): boolean;
  /** Starts listening to scroll and size changes; returns the cleanup. */
  connect(scroller: HTMLElement): () => void;
  /** Count or sizes changed: rebuilds the offsets, detecting a prepend by the key of the first visible item. */
  resize(count: number, base: number | ((index: number) => number), follow: boolean): void;
  scrollToIndex(index: number, options?: { align?: ScrollAlign; behavior?: ScrollBehavior }): void;
  scrollToOffset(offset: number, options?: { behavior?: ScrollBehavior }): void;
}

export const indexOf = (element: Element) => Number((element as HTMLElement).dataset.index);

/**
 * Binds a virtualizer to the DOM, with no framework: scroll events, viewport and row sizes (one
 * ResizeObserver), scroll corrections and the range callbacks. `render(sync)` asks the view layer to render;
 * `sync` means before this frame is painted (from a scroll event), so no frame shows missing rows.
 */
export function bindList(
  core: Virtualizer,
  settings: () => ListSettings,
  render: (sync: boolean) => void,
): ListBinding {
  let scroller: HTMLElement | null = null;
  let observer: ResizeObserver | null = null;
  const observed = new Set<Element>();
  let inObserver = false;
  // Whether the DOM was read: a box of a numeric height sized the first render already and a fresh box is
  // scrolled to 0, so the mount reads nothing (and measures no row) there, which would force a layout in the
  // middle of React's commit; the observer's first report, after layout and before paint, asks for the reads.
  let mounted = false;
  // The viewport is read again only after a resize: reading it on every commit would force a layout.
  let stale = settings().useWindowScroll || !core.viewport;
  let margin = 0;
  // The scroll position the DOM has, as far as we know: a user scroll whose event has not been delivered yet
  // must never be undone by a write.
  let known = 0;
  let anchorIndex = -1;
  let anchorKey: unknown;
  let range: Range = { startIndex: 0, endIndex: -1 };
  let endCount = -1;
  let startCount = -1;

  // Read on every commit; the React layer reconnects (after that commit) when they change.
  let page: boolean | undefined;
  let across: boolean | undefined;
  const target = () => (page ? window : scroller!);
  const read = () =>
    page ? (across ? scrollX : scrollY) - margin : scroller![across ? 'scrollLeft' : 'scrollTop'];
  const write = (position: number, behavior?: ScrollBehavior) => {
    target().scrollTo({
      [across ? 'left' : 'top']: position + (page ? margin : 0),
      behavior,
    });
    known = position;
  };
  // Whether the DOM's scroll position already shows what the list holds. With the page as scroller, the
  // page may be scrolled above the list's start or below its end (a header, a footer): the list is then at
  // that end, and writing its position would yank the page.
  const inPlace = () => {
    const drift = known - core.physical;
    return (
      Math.abs(drift) <= 0.5 ||
      (page && ((known < 0 && core.physical <= 0.5) || (drift > 0 && core.remaining <= 0.5)))
    );
  };
  const viewportSize = () =>
    page ? (across ? innerWidth : innerHeight) : scroller![across ? 'clientWidth' : 'clientHeight'];
  // Layout is clean where this is called (after a commit's first read, or in the ResizeObserver callback).
  const sizeOf = (element: Element) => element.getBoundingClientRect()[across ? 'width' : 'height'];

  const keyAt = (index: number) => {
    const { getItemKey, items } = settings();
    return getItemKey ? getItemKey(index) : items?.[index];
  };

  const notify = () => {
    const { onRangeChange, onEndReached, onStartReached, threshold = 300 } = settings();
    const now = core.visible();
    if (now.startIndex !== range.startIndex || now.endIndex !== range.endIndex) {
      range = now;
      onRangeChange?.(now);
    }
    const count = core.sizes.count;
    if (count === 0 || core.viewport === 0) return;
    anchorIndex = now.startIndex;
    anchorKey = keyAt(anchorIndex);
    if (onEndReached && core.remaining <= threshold && endCount !== count) {
      endCount = count;
      onEndReached();
    }
    if (onStartReached && core.scroll <= threshold && startCount !== count) {
      startCount = count;
      onStartReached();
    }
  };

  const observe = (element: Element) => {
    if (!observed.has(element)) {
      observed.add(element);
      // Rows mounted from inside the observer's callback are observed on the next frame: observing them now
      // is what produces "ResizeObserver loop completed with undelivered notifications".
      if (inObserver) requestAnimationFrame(() => element.isConnected && observer?.observe(element));
      else observer?.observe(element);
    }
  };

  const binding: ListBinding = {
    layout: () => [core.start, core.end, core.windowOffset(), core.domSize].join(),
    commit(element, list, layout) {
      scroller = element;
      const { itemSize, scrollMargin, initialState, alignToBottom, useWindowScroll, horizontal } = settings();
      page = useWindowScroll;
      across = horizontal;
      if (stale) {
        stale = false;
        margin = !page
          ? 0
          : (scrollMargin ??
            element.getBoundingClientRect()[across ? 'left' : 'top'] + (across ? scrollX : scrollY));
        core.setViewport(viewportSize());
        if (!mounted) {
          mounted = true;
          // With the page as scroller, the page may already be scrolled when the list mounts.
          known = read();
          if (!initialState && !alignToBottom) core.scrolled(known);
        }
      }
      const pairs: Array<[number, number]> = [];
      if (itemSize === undefined) {
        for (const child of list.children) {
          const index = indexOf(child);
          if (mounted && !core.sizes.isMeasured(index)) pairs.push([index, sizeOf(child)]);
          observe(child);
        }
        for (const row of observed) {
          if (row.parentNode !== list) {
            observed.delete(row);
            observer?.unobserve(row);
          }
        }
      }
      const changed = core.measure(pairs);
      if (core.pending) core.scrollTo(core.pending());
      core.updateRange();
      if (changed || layout !== binding.layout()) return true;
      if (!inPlace()) write(core.physical);
      core.pending = null;
      notify();
      return false;
    },
    connect(element) {
      const scrolling = target();
      const onScroll = () => {
        known = read();
        if (core.scrolled(known)) render(true);
        notify();
      };
      const onResize = () => {
        stale = true;
        render(true);
      };
      const resizes = new ResizeObserver((entries) => {
        const pairs: Array<[number, number]> = [];
        // Rows leave the observer in the commit that removes them, so every row here is connected.
        for (const { target: row } of entries)
          if (row !== element && mounted) pairs.push([indexOf(row), sizeOf(row)]);
        // After a mount that read nothing, a commit that does (where the box is, then the rows) is needed if
        // there are rows to measure or a script scrolled the box since.
        if ((!mounted && (observed.size || read())) || core.viewport !== viewportSize()) stale = true;
        if (core.measure(pairs) || stale) {
          inObserver = true;
          render(true);
          inObserver = false;
        }
      });
      observer = resizes;
      resizes.observe(element);
      for (const row of observed) resizes.observe(row);
      scrolling.addEventListener('scroll', onScroll, { passive: true });
      window.addEventListener('resize', onResize);
      return () => {
        resizes.disconnect();
        observer = null;
        scrolling.removeEventListener('scroll', onScroll);
        window.removeEventListener('resize', onResize);
      };
    },
    resize(count, base, follow) {
      const added = count - core.sizes.count;
      // No anchor key yet (nothing shown) or none at all (no keys): no prepend can be told.
      const prepended = added > 0 && anchorKey !== undefined && keyAt(anchorIndex + added) === anchorKey;
      core.setSizes(count, base, prepended ? added : 0, follow);
      core.updateRange();
    },
    scrollToIndex(index, { align = 'start', behavior } = {}) {
      core.scrollTo(core.targetOf(index, align));
      // Smooth: land roughly with the animation, then exactly once the rows on the way are measured.
      if (behavior === 'smooth')
        target().addEventListener('scrollend', () => binding.scrollToIndex(index, { align }), { once: true });
      else core.pending = () => core.targetOf(index, align);
      // The scroll event that follows renders the rows in the same frame; commit() then corrects.
      if (behavior === 'smooth' || Math.abs(read() - core.physical) > 0.5) write(core.physical, behavior);
      else render(false);
    },
    scrollToOffset(offset, { behavior } = {}) {
      core.scrollTo(offset);
      write(core.physical, behavior);
    },
  };
  return binding;
}
