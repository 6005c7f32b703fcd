import type { ScrollAlign, Virtualizer } from './createVirtualizer';
import type { Range } from './getRange';

/** What the binding reads from the current props on every call. */
export interface ListSettings {
  useWindowScroll?: boolean;
  horizontal?: boolean;
  scrollMargin?: number;
  measured: boolean;
  restoring: boolean;
  keyAt: (index: number) => unknown;
  onRangeChange?: (range: Range) => void;
  onEndReached?: () => void;
  onStartReached?: () => void;
  threshold?: number;
}

export interface ListBinding {
  /** After each commit: measure new rows, correct, and ask for another render until nothing moves. */
  commit(scroller: HTMLElement, list: HTMLElement, layout: string): boolean;
  /** Starts listening to scroll and size changes; returns the cleanup. */
  connect(scroller: HTMLElement): () => void;
  /** Count or sizes changed: rebuilds the offsets, detecting a prepend by the key of the first visible item. */
  resize(count: number, base: number | ((index: number) => number), follow: boolean): void;
  scrollToIndex(index: number, align: ScrollAlign, behavior?: ScrollBehavior): void;
  scrollToOffset(offset: number, behavior?: ScrollBehavior): void;
}

const indexOf = (element: Element) => Number((element as HTMLElement).dataset.index);

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
  let mounted = false;
  let margin = 0;
  // The scroll position the DOM has, as far as we know: a user scroll whose event has not been delivered yet
  // must never be undone by a write.
  let known = 0;
  let anchorIndex = -1;
  let anchorKey: unknown;
  let range: Range = { startIndex: 0, endIndex: -1 };
  let endCount = -1;
  let startCount = -1;

  // Fixed for the lifetime of a connection (the React layer reconnects when they change).
  let page = false;
  let across = false;
  const read = () => {
    if (page) return (across ? window.scrollX : window.scrollY) - margin;
    return scroller ? (across ? scroller.scrollLeft : scroller.scrollTop) : 0;
  };
  const write = (position: number, behavior?: ScrollBehavior) => {
    const target = page ? window : scroller;
    const value = position + (page ? margin : 0);
    target?.scrollTo(across ? { left: value, behavior } : { top: value, behavior });
    known = position;
  };
  // Whether the DOM's scroll position already shows what the list holds. With the page as scroller, the
  // page may be scrolled above the list's start or below its end (a header, a footer): the list is then at
  // that end, and writing its position would yank the page.
  const inPlace = () => {
    const drift = known - core.physical;
    if (Math.abs(drift) <= 0.5) return true;
    return page && ((known < 0 && core.physical <= 0.5) || (drift > 0 && core.remaining <= 0.5));
  };
  const viewportSize = () => {
    if (page) return across ? window.innerWidth : window.innerHeight;
    return scroller ? (across ? scroller.clientWidth : scroller.clientHeight) : 0;
  };
  const sizeOf = (box: { width: number; height: number }) => (across ? box.width : box.height);
  const configure = () => {
    const { useWindowScroll, horizontal } = settings();
    page = useWindowScroll === true;
    across = horizontal === true;
  };

  const notify = () => {
    const { onRangeChange, onEndReached, onStartReached, threshold = 300, keyAt } = settings();
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
    commit(element, list, layout) {
      scroller = element;
      const { measured, scrollMargin } = settings();
      configure();
      if (core.viewport !== viewportSize() || !mounted) {
        if (!page) margin = 0;
        else if (scrollMargin !== undefined) margin = scrollMargin;
        else {
          const box = element.getBoundingClientRect();
          margin = across ? box.left + window.scrollX : box.top + window.scrollY;
        }
        core.setViewport(viewportSize());
        if (!mounted) {
          mounted = true;
          // With the page as scroller, the page may already be scrolled when the list mounts.
          known = read();
          if (!settings().restoring) core.scrolled(known);
        }
      }
      const pairs: Array<[number, number]> = [];
      if (measured) {
        for (const child of list.children) {
          const index = indexOf(child);
          if (!core.sizes.isMeasured(index)) pairs.push([index, sizeOf(child.getBoundingClientRect())]);
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
      if (core.pending) core.scrollTo(core.targetOf(core.pending.index, core.pending.align));
      core.updateRange();
      if (changed || layout !== `${core.start},${core.end},${core.windowOffset()},${core.domSize}`)
        return true;
      if (!inPlace()) write(core.physical);
      core.pending = null;
      notify();
      return false;
    },
    connect(element) {
      scroller = element;
      configure();
      const target = page ? window : element;
      const onScroll = () => {
        known = read();
        if (core.scrolled(known)) render(true);
        notify();
      };
      const onResize = () => render(true);
      const resizes = new ResizeObserver((entries) => {
        const pairs: Array<[number, number]> = [];
        for (const { target: row, borderBoxSize } of entries) {
          const box = borderBoxSize?.[0];
          if (row !== element && row.isConnected)
            pairs.push([
              indexOf(row),
              box ? (across ? box.inlineSize : box.blockSize) : sizeOf(row.getBoundingClientRect()),
            ]);
        }
        if (core.measure(pairs) || core.viewport !== viewportSize()) {
          inObserver = true;
          render(true);
          inObserver = false;
        }
      });
      observer = resizes;
      resizes.observe(element);
      for (const row of observed) resizes.observe(row);
      target.addEventListener('scroll', onScroll, { passive: true });
      window.addEventListener('resize', onResize);
      return () => {
        resizes.disconnect();
        observer = null;
        target.removeEventListener('scroll', onScroll);
        window.removeEventListener('resize', onResize);
      };
    },
    resize(count, base, follow) {
      const added = count - core.sizes.count;
      const prepended = added > 0 && anchorIndex >= 0 && settings().keyAt(anchorIndex + added) === anchorKey;
      core.setSizes(count, base, prepended && anchorKey !== undefined ? added : 0, follow);
      core.updateRange();
    },
    scrollToIndex(index, align, behavior) {
      core.scrollTo(core.targetOf(index, align));
      if (behavior === 'smooth') {
        // Land roughly with the animation, then exactly once the rows on the way are measured.
        (page ? window : scroller)?.addEventListener('scrollend', () => binding.scrollToIndex(index, align), {
          once: true,
        });
        write(core.physical, behavior);
        return;
      }
      core.pending = { index, align };
      // The scroll event that follows renders the rows in the same frame; commit() then corrects.
      if (Math.abs(read() - core.physical) > 0.5) write(core.physical);
      else render(false);
    },
    scrollToOffset(offset, behavior) {
      core.scrollTo(offset);
      write(core.physical, behavior);
    },
  };
  return binding;
}
