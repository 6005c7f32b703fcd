import { forwardRef, type ReactElement, type ReactNode, type Ref, useMemo, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../shared/useIsomorphicLayoutEffect';
import { ListView } from './ListView';
import type { VirtualGridProps, VirtualListHandle } from './types';

/**
 * A virtualized grid for product pages: rows of cells, as many columns as fit `minColumnWidth`, fixed or
 * measured row heights, in its own box or with the page. Same handle and callbacks as VirtualList
 * (indices in `scrollToIndex` and `onRangeChange` are row indices).
 */
export const VirtualGrid = forwardRef(function VirtualGrid(
  props: VirtualGridProps<unknown>,
  ref: Ref<VirtualListHandle>,
) {
  const {
    items,
    children,
    minColumnWidth = 200,
    gap = 0,
    rowHeight,
    estimatedRowHeight = 250,
    getItemKey,
  } = props;
  const count = (items ? items.length : props.count) as number;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const columns = Math.max(1, props.columns ?? Math.floor((width + gap) / (minColumnWidth + gap)));
  const rows = Math.ceil(count / columns);

  useIsomorphicLayoutEffect(() => {
    const element = box.current!;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const itemsRef = useRef(items);
  itemsRef.current = items;
  const renderRow = useMemo(
    () => (row: number) => {
      const cells: ReactNode[] = [];
      const list = itemsRef.current;
      for (let column = 0; column < columns; column++) {
        const index = row * columns + column;
        if (index >= count) break;
        cells.push(
          <div key={index} {...{ role: 'gridcell', 'aria-colindex': column + 1 }}>
            {list
              ? (children as (item: unknown, index: number) => ReactNode)(list[index], index)
              : (children as (index: number) => ReactNode)(index)}
          </div>,
        );
      }
      return (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gap,
            paddingBottom: gap,
            boxSizing: 'border-box',
            height: '100%',
          }}
        >
          {cells}
        </div>
      );
    },
    [children, columns, count, gap],
  );

  return (
    <div ref={box} style={props.useWindowScroll ? undefined : { height: props.height ?? '100%' }}>
      <ListView
        {...props}
        ref={ref}
        height="100%"
        // ListView renders rows: the items are cells of them, passed as `grid`.
        count={rows}
        items={undefined}
        itemSize={rowHeight === undefined ? undefined : rowHeight + gap}
        estimatedItemSize={estimatedRowHeight + gap}
        grid={{ columns, items }}
        getItemKey={getItemKey && ((row: number) => getItemKey(row * columns))}
      >
        {renderRow}
      </ListView>
    </div>
  );
}) as <T>(props: VirtualGridProps<T> & { ref?: Ref<VirtualListHandle> }) => ReactElement;
