import { forwardRef, type ReactElement, type ReactNode, type Ref, useMemo, useRef } from 'react';
import { ListView } from './ListView';
import type { VirtualListHandle, VirtualListProps } from './types';

const LIST_ROLES = ['list', 'listitem'] as const;

/**
 * A virtualized list: only the rows in view (plus `overscan`) are in the DOM. Sizes are fixed, per item or
 * measured; it scrolls in its own box or with the page, keeps what you look at in place while rows above
 * are measured, and scales the scroll range so ten million rows stay reachable.
 */
export const VirtualList = forwardRef(function VirtualList(
  props: VirtualListProps<unknown>,
  ref: Ref<VirtualListHandle>,
) {
  const { items, children, getItemKey } = props;
  const count = items ? items.length : props.count;
  // Items are read through a ref so that appending items does not re-render the rows already shown.
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const hasItems = items !== undefined;
  const renderRow = useMemo(
    () =>
      hasItems
        ? (index: number) =>
            (children as (item: unknown, index: number) => ReactNode)(itemsRef.current?.[index], index)
        : (children as (index: number) => ReactNode),
    [hasItems, children],
  );
  return (
    <ListView
      {...props}
      count={count as number}
      roles={LIST_ROLES}
      renderRow={renderRow}
      dataAt={(index) => items?.[index]}
      keyAt={(index) => (getItemKey ? getItemKey(index) : items?.[index])}
      listRef={ref}
    />
  );
}) as <T>(props: VirtualListProps<T> & { ref?: Ref<VirtualListHandle> }) => ReactElement;
