import {
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
import {
  activeSticky,
  checkCount,
  checkOverscan,
  checkSize,
  parseOverscan,
  stickyFrom,
} from './core/options';
import type { VirtualListHandle, VirtualListProps } from './types';
import { type RowMode, VirtualRow } from './VirtualRow';

export interface ListViewProps {
  /** ARIA roles of the list and of each row. */
  roles: readonly [string, string];
  /** Renders the row at an index (already bound to items, if any). */
  renderRow: (index: number) => ReactNode;
  /** The data of a row, compared by the memoized row. */
  dataAt: (index: number) => unknown;
  keyAt: (index: number) => unknown;
  count: number;
  listRef: Ref<VirtualListHandle> | undefined;
  extraAria?: Record<string, number | string>;
}

type Shared = Omit<VirtualListProps, 'children' | 'count' | 'items'>;

/**
 * The renderer shared by VirtualList and VirtualGrid: the React side of the framework-free core (state for
 * re-rendering, the DOM binding's lifecycle, the imperative handle) and the rows it places.
 */
export function ListView(props: Shared & ListViewProps): ReactElement {
  const { count, horizontal, useWindowScroll, itemSize, roles, renderRow, dataAt } = props;
  // Validation is for development; production builds drop it, error sentences included.
  if (process.env.NODE_ENV !== 'production') {
    checkCount('VirtualList', count);
    checkSize('VirtualList', 'itemSize', itemSize);
    checkSize('VirtualList', 'estimatedItemSize', props.estimatedItemSize);
    checkOverscan('VirtualList', props.overscan);
  }
  const base = itemSize ?? props.estimatedItemSize ?? 50;
  const [, rerender] = useReducer((tick: number) => tick + 1, 0);
  const latest = useRef(props);
  latest.current = props;
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const windowRef = useRef<HTMLDivElement | null>(null);
  const [focused, setFocused] = useState(-1);
  const last = useRef(base);
  const [[core, binding]] = useState((): [Virtualizer, ListBinding] => {
    const created = createVirtualizer({
      count,
      base,
      overscan: parseOverscan(props.overscan),
      alignToBottom: !!props.alignToBottom,
      initialState: props.initialState,
      viewport: typeof props.height === 'number' && !props.horizontal ? props.height : undefined,
    });
    if (props.initialItemCount !== undefined && !props.initialState)
      created.end = Math.min(count, props.initialItemCount);
    else created.updateRange();
    // flushSync only from scroll and resize events, never from a React lifecycle (no React 19 warning).
    const render = (sync: boolean) => (sync ? flushSync(rerender) : rerender());
    return [created, bindList(created, () => latest.current, render)];
  });

  if (count !== core.sizes.count || base !== last.current) {
    last.current = base;
    binding.resize(count, base, !!props.followOutput);
  }
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
    props.listRef,
    (): VirtualListHandle => ({
      scrollToIndex: binding.scrollToIndex,
      scrollToOffset: binding.scrollToOffset,
      getState: core.snapshot,
      getRange: core.visible,
      getScrollElement: () => (props.useWindowScroll ? document.scrollingElement : scrollerRef.current),
    }),
  );

  const { start, end, sizes } = core;
  const sticky = useMemo(
    () => stickyFrom(props.stickyIndices, props.groups),
    [props.stickyIndices, props.groups],
  );
  const header = activeSticky(sticky, core.visible().startIndex);
  const rows: ReactElement[] = [];
  const add = (index: number, mode: RowMode, shift = 0) =>
    rows.push(
      <VirtualRow
        key={props.getItemKey ? props.getItemKey(index) : index}
        index={index}
        item={dataAt(index)}
        render={renderRow}
        role={roles[1]}
        setSize={roles[1] === 'row' ? 0 : count}
        size={itemSize === undefined ? undefined : sizes.size(index)}
        horizontal={horizontal}
        mode={mode}
        shift={shift}
      />,
    );
  // Rows rendered outside the range, in index order: the header of the group in view (sticky, its space
  // taken back) and the focused row (placed where it belongs).
  const extras = [header, focused === header ? -1 : focused]
    .filter((index) => index >= 0 && index < count && (index < start || index >= end))
    .sort((a, b) => a - b);
  const addExtra = (index: number) =>
    index === header
      ? add(index, 'stickyAhead', sizes.size(index))
      : add(index, 'kept', sizes.offset(index) - sizes.offset(start));
  for (const index of extras) if (index < start) addExtra(index);
  for (let index = start; index < end; index++) add(index, sticky.includes(index) ? 'sticky' : 'flow');
  for (const index of extras) if (index >= end) addExtra(index);

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
          role: roles[0],
          'aria-label': props['aria-label'],
          'aria-labelledby': props['aria-labelledby'],
          ...props.extraAria,
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
}
