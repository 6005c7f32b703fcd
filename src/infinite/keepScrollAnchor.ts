import type { ObserverRoot } from '../visibility/types';

/** An item and where its top was on screen, taken before React changes the DOM. */
export interface ScrollAnchor {
  element: Element;
  top: number;
}

const MARKER = 'data-perfkit-feed';

/** Props that mark the feed's own elements (sentinel, loader, messages) so they are never the anchor. */
export const markerProps = { [MARKER]: '' };

function viewportTop(root: ObserverRoot): number {
  return root instanceof Element ? root.getBoundingClientRect().top : 0;
}

/** The first item whose bottom is below the top of the viewport: the one the user is looking at. */
export function findScrollAnchor(feed: Element, root: ObserverRoot): ScrollAnchor | undefined {
  const items = [...feed.children].filter((child) => !child.hasAttribute(MARKER));
  const top = viewportTop(root);
  // Items are stacked top to bottom, so a binary search reads a handful of rects, not every item's.
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.getBoundingClientRect().bottom > top) high = middle;
    else low = middle + 1;
  }
  const element = items[low];
  return element && { element, top: element.getBoundingClientRect().top };
}

function scrollBy(root: ObserverRoot, delta: number) {
  if (root instanceof Element) root.scrollTop += delta;
  else window.scrollBy(0, delta);
}

/** Scrolls so that the anchor is back where it was; returns the correction in px. */
export function restoreScrollAnchor(anchor: ScrollAnchor, root: ObserverRoot): number {
  if (!anchor.element.isConnected) return 0;
  const delta = anchor.element.getBoundingClientRect().top - anchor.top;
  if (delta !== 0) scrollBy(root, delta);
  return delta;
}

/** Chat views open at their newest (last) item. */
export function scrollToEnd(root: ObserverRoot) {
  const scroller = root instanceof Element ? root : document.scrollingElement;
  if (scroller) scroller.scrollTop = scroller.scrollHeight;
}
