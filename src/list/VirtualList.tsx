import {
  type CSSProperties,
  forwardRef,
  type ReactElement,
  type ReactNode,
  type Ref,
  useMemo,
  useRef,
} from 'react';
import { activeSticky, stickyFrom } from './core/options';
import type { VirtualListHandle, VirtualListProps } from './types';
import { useVirtualList } from './useVirtualList';
import { RowMode, VirtualRow } from './VirtualRow';

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

/** The renderer shared by VirtualList and VirtualGrid. */
export function ListView(props: Shared & ListViewProps): ReactElement {
  const { count, horizontal = false, useWindowScroll = false, itemSize, roles, renderRow, dataAt } = props;
  const binding = useVirtualList('VirtualList', props, props.listRef);
  const { core, offset, size, focused } = binding;
  const sticky = useMemo(
    () => stickyFrom(props.stickyIndices, props.groups),
    [props.stickyIndices, props.groups],
  );
  const { start, end } = core;
  const header = sticky.length > 0 ? activeSticky(sticky, core.visible().startIndex) : -1;
  const extras = [header, focused].filter(
    (index) => index >= 0 && index < count && (index < start || index >= end),
  );
  extras.sort((a, b) => a - b);
  const indices = extras.filter((index) => index < start);
  for (let index = start; index < end; index++) indices.push(index);
  for (const index of extras) if (index >= end && !indices.includes(index)) indices.push(index);

  const rows = indices.map((index) => {
    let mode: RowMode = RowMode.flow;
    let shift = 0;
    if (index === header && index < start) {
      mode = RowMode.stickyAhead;
      shift = core.sizes.size(index);
    } else if (index < start || index >= end) {
      mode = RowMode.kept;
      shift = core.sizes.offset(index) - core.sizes.offset(start);
    } else if (sticky.length > 0 && activeSticky(sticky, index) === index) mode = RowMode.sticky;
    return (
      <VirtualRow
        key={props.getItemKey ? props.getItemKey(index) : index}
        index={index}
        item={dataAt(index)}
        render={renderRow}
        role={roles[1]}
        setSize={roles[1] === 'row' ? 0 : count}
        size={itemSize === undefined ? undefined : core.sizes.size(index)}
        horizontal={horizontal}
        mode={mode}
        shift={shift}
      />
    );
  });

  const mainSize = horizontal ? 'width' : 'height';
  const crossSize = horizontal ? 'height' : 'width';
  // `height` is the box's height in both orientations; a horizontal list takes its parent's width.
  const scrollerStyle: CSSProperties = useWindowScroll
    ? { position: 'relative', overflowAnchor: 'none' }
    : { position: 'relative', overflow: 'auto', overflowAnchor: 'none', height: props.height ?? '100%' };
  // The role is 'list' or 'grid', so the attributes are assembled here rather than checked per element.
  const listAria = {
    role: roles[0],
    'aria-label': props['aria-label'],
    'aria-labelledby': props['aria-labelledby'],
    ...props.extraAria,
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus events bubble up from rows; the box only scrolls
    <div
      ref={binding.scrollerRef}
      tabIndex={useWindowScroll ? undefined : 0}
      className={props.className}
      style={{ ...scrollerStyle, ...props.style }}
      onFocus={binding.onFocus}
      onBlur={binding.onBlur}
    >
      <div style={{ position: 'relative', [mainSize]: size, [crossSize]: '100%' }}>
        <div
          ref={binding.windowRef}
          {...listAria}
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
    </div>
  );
}

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
