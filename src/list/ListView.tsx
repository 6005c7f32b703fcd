import {
  type CSSProperties,
  forwardRef,
  memo,
  type ReactElement,
  type ReactNode,
  type Ref,
  useImperativeHandle,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import { useIsomorphicLayoutEffect } from '../shared/useIsomorphicLayoutEffect';
import { bindList, indexOf, type ListBinding } from './core/bindList';
import { createVirtualizer, type Virtualizer } from './core/createVirtualizer';
import { activeSticky, checkCount, checkOverscan, checkSize, stickyFrom } from './core/options';
import type { VirtualListHandle, VirtualListProps } from './types';

/** How a row is placed: in the flow, sticky (at the top while its group is in view), or kept out of range. */
export type RowMode = 'flow' | 'sticky' | 'kept';

export interface VirtualRowProps {
  index: number;
  render: (index: number) => ReactNode;
  /** The item itself (items mode), so a row re-renders when its data changes and not otherwise. */
  item: unknown;
  /** Item count for aria-setsize; 0 for grid rows, which carry role="row" and aria-rowindex instead. */
  setSize: number;
  /** Fixed size in px, or undefined when the row is measured. */
  size: number | undefined;
  horizontal: boolean | undefined;
  mode: RowMode;
  /** Offset for kept rows, or, for a sticky row rendered ahead of the range, its size to take back. */
  shift: number;
}

/** One row; memoized, so scrolling re-renders only rows that enter the range. */
export const VirtualRow = memo(function VirtualRow({
  index,
  render,
  item,
  setSize,
  size,
  horizontal,
  mode,
  shift,
}: VirtualRowProps) {
  // A new item count re-renders the wrapper (aria-setsize) but not the row's content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: item is what tells that the row's data changed
  const content = useMemo(() => render(index), [render, index, item]);
  const start = horizontal ? 'left' : 'top';
  const style: CSSProperties = { [horizontal ? 'width' : 'height']: size };
  if (horizontal) style.flexShrink = 0;
  if (mode === 'sticky') {
    style.position = 'sticky';
    style[start] = 0;
    style.zIndex = 1;
    if (shift) style[horizontal ? 'marginRight' : 'marginBottom'] = -shift;
  } else if (mode === 'kept') {
    style.position = 'absolute';
    style[start] = shift;
    style[horizontal ? 'height' : 'width'] = '100%';
  }
  return (
    <div
      data-index={index}
      // A list row carries its set size and position, a grid row only its index; the role varies, so the
      // attributes are assembled rather than checked per element.
      {...{
        role: setSize ? 'listitem' : 'row',
        'aria-setsize': setSize || undefined,
        [setSize ? 'aria-posinset' : 'aria-rowindex']: index + 1,
      }}
      style={style}
    >
      {content}
    </div>
  );
});

/** What VirtualGrid adds to VirtualList's props: each row holds `columns` of `items`, with grid roles. */
export interface GridRows {
  columns: number;
  items: readonly unknown[] | undefined;
}

export type ListViewProps = VirtualListProps & { grid?: GridRows | undefined };

/**
 * VirtualList, and the renderer VirtualGrid passes its rows to: the React side of the framework-free core
 * (state for re-rendering, the DOM binding's lifecycle, the imperative handle) and the rows it places.
 */
export const ListView = forwardRef(function VirtualList(props: ListViewProps, ref: Ref<VirtualListHandle>) {
  const { items, children, grid, horizontal, useWindowScroll, itemSize } = props;
  const count = (items ? items.length : props.count) as number;
  // Validation is for development; production builds drop it, error sentences included.
  if (process.env.NODE_ENV !== 'production') {
    checkCount('VirtualList', count);
    checkSize('VirtualList', 'itemSize', itemSize);
    checkSize('VirtualList', 'estimatedItemSize', props.estimatedItemSize);
    checkOverscan('VirtualList', props.overscan);
  }
  // The props of the last render, for the DOM binding's events and for the rows.
  const latest = useRef(props);
  latest.current = props;
  // Items are read from the latest props so that appending items does not re-render the rows already shown.
  const hasItems = items !== undefined;
  const renderRow = useMemo(
    () =>
      hasItems
        ? (index: number) =>
            (children as (item: unknown, index: number) => ReactNode)(latest.current.items?.[index], index)
        : (children as (index: number) => ReactNode),
    [hasItems, children],
  );
  // The data a row shows, compared by the memoized row: its item, or the first of a grid row's items.
  const [rowItems, perRow] = grid ? [grid.items, grid.columns] : [items, 1];
  const base = itemSize ?? props.estimatedItemSize ?? 50;
  const [, rerender] = useReducer((tick: number) => tick + 1, 0);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const windowRef = useRef<HTMLDivElement | null>(null);
  const [focused, setFocused] = useState(-1);
  const [[core, binding]] = useState((): [Virtualizer, ListBinding] => {
    const created = createVirtualizer({
      ...props,
      count,
      base,
      viewport: typeof props.height === 'number' && !props.horizontal ? props.height : undefined,
    });
    if (props.initialItemCount !== undefined && !props.initialState)
      created.end = Math.min(count, props.initialItemCount);
    else created.updateRange();
    // flushSync only from scroll and resize events, never from a React lifecycle (no React 19 warning).
    const render = (sync: boolean) => (sync ? flushSync(rerender) : rerender());
    return [created, bindList(created, () => latest.current, render)];
  });

  if (count !== core.sizes.count || base !== core.sizes.base)
    binding.resize(count, base, !!props.followOutput);
  const layout = binding.layout();

  useIsomorphicLayoutEffect(() => {
    // A render requested here is synchronous and happens before paint.
    if (binding.commit(scrollerRef.current!, windowRef.current!, layout)) rerender();
  });
  useIsomorphicLayoutEffect(
    () => binding.connect(scrollerRef.current!),
    [props.useWindowScroll, props.horizontal],
  );
  useImperativeHandle(
    ref,
    (): VirtualListHandle => ({
      scrollToIndex: binding.scrollToIndex,
      scrollToOffset: binding.scrollToOffset,
      getState: core.snapshot,
      getRange: core.visible,
      getScrollElement: () => (props.useWindowScroll ? document.scrollingElement : scrollerRef.current),
    }),
  );

  const { start, end, sizes } = core;
  const sticky = stickyFrom(props.stickyIndices, props.groups);
  const header = activeSticky(sticky, core.visible().startIndex);
  const rows: ReactElement<VirtualRowProps>[] = [];
  const add = (index: number, mode: RowMode, shift = 0) =>
    rows.push(
      <VirtualRow
        key={props.getItemKey?.(index) ?? index}
        index={index}
        item={rowItems?.[index * perRow]}
        render={renderRow}
        setSize={grid ? 0 : count}
        size={itemSize === undefined ? undefined : sizes.size(index)}
        horizontal={horizontal}
        mode={mode}
        shift={shift}
      />,
    );
  // Rows rendered outside the range: the header of the group in view (sticky, its space taken back) and the
  // focused row (placed where it belongs); all of them in index order.
  const outside = (index: number) => index >= 0 && index < count && (index < start || index >= end);
  if (outside(header)) add(header, 'sticky', sizes.size(header));
  if (focused !== header && outside(focused))
    add(focused, 'kept', sizes.offset(focused) - sizes.offset(start));
  for (let index = start; index < end; index++) add(index, sticky.includes(index) ? 'sticky' : 'flow');
  rows.sort((a, b) => a.props.index - b.props.index);

  const crossSize = horizontal ? 'height' : 'width';
  const offset = core.windowOffset();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus events bubble up from rows; the box only scrolls
    <div
      ref={scrollerRef}
      tabIndex={useWindowScroll ? undefined : 0}
      className={props.className}
      style={{
        position: 'relative',
        overflowAnchor: 'none',
        // `height` is the box's height in both orientations; a horizontal list takes its parent's width.
        ...(!useWindowScroll && { overflow: 'auto', height: props.height ?? '100%' }),
        ...props.style,
      }}
      onFocus={(event) => {
        const row = (event.target as Element).closest('[data-index]');
        if (row?.parentNode === windowRef.current) setFocused(indexOf(row));
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(-1);
      }}
    >
      {/* The scroll size comes from a sibling of the rows, not from their containing block: resizing it
          then leaves the rows' layout alone. */}
      <div style={{ [horizontal ? 'width' : 'height']: core.domSize, [crossSize]: 1 }} />
      <div
        ref={windowRef}
        // The role is 'list' or 'grid', so the attributes are assembled rather than checked per element.
        {...{
          role: grid ? 'grid' : 'list',
          'aria-label': props['aria-label'],
          'aria-labelledby': props['aria-labelledby'],
          ...(grid && { 'aria-rowcount': count, 'aria-colcount': grid.columns }),
        }}
        style={{
          // top/left rather than a transform: sticky headers are placed by layout, which ignores transforms.
          position: 'absolute',
          top: horizontal ? 0 : offset,
          left: horizontal ? offset : 0,
          [crossSize]: '100%',
          display: horizontal ? 'flex' : undefined,
        }}
      >
        {rows}
      </div>
    </div>
  );
});
