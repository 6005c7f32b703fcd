import { Component, type ReactNode, type RefObject } from 'react';
import type { ObserverRoot } from '../visibility/types';

/** An item and where its top was on screen, taken before React changes the DOM. */
type ScrollAnchor = [element: Element, top: number];

interface KeepAnchorProps {
  feed: RefObject<HTMLDivElement | null>;
  root?: ObserverRoot;
  children: ReactNode;
}

/**
 * Keeps the item the user is looking at in place when items are prepended, and opens at the newest (last)
 * item, as chat views do. A class only for getSnapshotBeforeUpdate: the one React hook that reads the DOM
 * before a commit changes it.
 */
export class KeepAnchor extends Component<KeepAnchorProps> {
  // Mounted with items (a cached or server-rendered chat), it opens at the newest too. The DOM is complete
  // by now; only the feed's ref is not attached yet, and the scroller is all this needs.
  override componentDidMount() {
    this.componentDidUpdate(this.props, 0, null);
  }
  /** The first item whose bottom is below the top of the viewport, and where its top is. */
  override getSnapshotBeforeUpdate(): ScrollAnchor | null {
    // The feed's first child is its own edge (sentinel and status), never an anchor; the items follow it.
    const nodes = this.props.feed.current!.children;
    const { root } = this.props;
    const top = root instanceof Element ? root.getBoundingClientRect().top : 0;
    // Items are stacked top to bottom, so a binary search reads a handful of rects, not every item's.
    let low = 1;
    let high = nodes.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (nodes[middle]!.getBoundingClientRect().bottom > top) high = middle;
      else low = middle + 1;
    }
    const element = nodes[low];
    return element ? [element, element.getBoundingClientRect().top] : null;
  }
  override componentDidUpdate(_props: KeepAnchorProps, _state: unknown, anchor: ScrollAnchor | null) {
    const { root } = this.props;
    const scroller = root instanceof Element ? root : document.scrollingElement!;
    // Without an anchor no item was on screen before (or this is the mount): open at the newest.
    if (anchor) {
      if (anchor[0].isConnected) scroller.scrollTop += anchor[0].getBoundingClientRect().top - anchor[1];
    } else scroller.scrollTop = scroller.scrollHeight;
  }
  override render() {
    return this.props.children;
  }
}
