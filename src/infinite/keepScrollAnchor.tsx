import { Component, type ReactNode, type RefObject } from 'react';
import type { ObserverRoot } from '../visibility/types';

/** An item and where its top was on screen, taken before React changes the DOM. */
type ScrollAnchor = [element: Element, top: number];

const MARKER = 'data-perfkit-feed';

/** Props that mark the feed's own elements (sentinel, loader, messages) so they are never the anchor. */
export const markerProps = { [MARKER]: '' };

const scrollerOf = (root: ObserverRoot) => (root instanceof Element ? root : document.scrollingElement!);

interface KeepAnchorProps {
  feed: RefObject<HTMLDivElement | null>;
  root: ObserverRoot;
  children: ReactNode;
}

/**
 * Keeps the item the user is looking at in place when items are prepended, and opens at the newest (last)
 * item, as chat views do. A class only for getSnapshotBeforeUpdate: the one React hook that reads the DOM
 * before a commit changes it.
 */
export class KeepAnchor extends Component<KeepAnchorProps> {
  // Before the parent's ref is attached (this component mounts first) there are no items to read.
  items() {
    return [...(this.props.feed.current?.children ?? [])].filter((child) => !child.hasAttribute(MARKER));
  }
  override componentDidMount() {
    const scroller = scrollerOf(this.props.root);
    if (this.items().length) scroller.scrollTop = scroller.scrollHeight;
  }
  /** The first item whose bottom is below the top of the viewport, and where its top is. */
  override getSnapshotBeforeUpdate(): ScrollAnchor | null {
    const items = this.items();
    const { root } = this.props;
    const top = root instanceof Element ? root.getBoundingClientRect().top : 0;
    // Items are stacked top to bottom, so a binary search reads a handful of rects, not every item's.
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (items[middle]!.getBoundingClientRect().bottom > top) high = middle;
      else low = middle + 1;
    }
    const element = items[low];
    return element ? [element, element.getBoundingClientRect().top] : null;
  }
  override componentDidUpdate(_props: KeepAnchorProps, _state: unknown, anchor: ScrollAnchor | null) {
    if (!anchor) this.componentDidMount();
    else if (anchor[0].isConnected)
      scrollerOf(this.props.root).scrollTop += anchor[0].getBoundingClientRect().top - anchor[1];
  }
  override render() {
    return this.props.children;
  }
}
