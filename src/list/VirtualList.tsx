import type { ReactElement, Ref } from 'react';
import { ListView } from './ListView';
import type { VirtualListHandle, VirtualListProps } from './types';

/**
 * A virtualized list: only the rows in view (plus `overscan`) are in the DOM. Sizes are fixed, per item or
 * measured; it scrolls in its own box or with the page, keeps what you look at in place while rows above
 * are measured, and scales the scroll range so ten million rows stay reachable.
 */
export const VirtualList = ListView as <T>(
  props: VirtualListProps<T> & { ref?: Ref<VirtualListHandle> },
) => ReactElement;
