import { type CSSProperties, memo, type ReactNode, useMemo } from 'react';

/** How a row is placed: in the flow, sticky, sticky but rendered ahead of the flow, or kept out of range. */
export type RowMode = 'flow' | 'sticky' | 'stickyAhead' | 'kept';

export interface VirtualRowProps {
  index: number;
  render: (index: number) => ReactNode;
  /** The item itself (items mode), so a row re-renders when its data changes and not otherwise. */
  item: unknown;
  role: string;
  /** Item count for aria-setsize; 0 for grid rows, which carry aria-rowindex instead. */
  setSize: number;
  /** Fixed size in px, or undefined when the row is measured. */
  size: number | undefined;
  horizontal: boolean | undefined;
  mode: RowMode;
  /** Offset for kept rows, or the size to take back for sticky rows rendered ahead of the flow. */
  shift: number;
}

/** One row; memoized, so scrolling re-renders only rows that enter the range. */
export const VirtualRow = memo(function VirtualRow({
  index,
  render,
  item,
  role,
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
  if (mode === 'sticky' || mode === 'stickyAhead') {
    style.position = 'sticky';
    style[start] = 0;
    style.zIndex = 1;
    if (mode === 'stickyAhead') style[horizontal ? 'marginRight' : 'marginBottom'] = -shift;
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
        role,
        'aria-setsize': setSize || undefined,
        [setSize ? 'aria-posinset' : 'aria-rowindex']: index + 1,
      }}
      style={style}
    >
      {content}
    </div>
  );
});
