import { type FocusEvent, type Ref, useImperativeHandle, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useIsomorphicLayoutEffect } from '../shared/useIsomorphicLayoutEffect';
import { bindList, type ListBinding } from './core/bindList';
import { createVirtualizer, type Virtualizer } from './core/createVirtualizer';
import { checkCount, checkOverscan, checkSize, parseOverscan } from './core/options';
import type { VirtualListBaseProps, VirtualListHandle } from './types';

export interface VirtualListView {
  core: Virtualizer;
  scrollerRef: { current: HTMLDivElement | null };
  windowRef: { current: HTMLDivElement | null };
  /** Position of the first rendered row and size of the scrollable content, in px. */
  offset: number;
  size: number;
  /** Index of the row that holds focus (kept rendered when scrolled away), or -1. */
  focused: number;
  onFocus: (event: FocusEvent) => void;
  onBlur: (event: FocusEvent) => void;
}

/** The React side of a list: state for re-rendering, the DOM binding's lifecycle and the imperative handle. */
export function useVirtualList(
  api: string,
  props: VirtualListBaseProps & { count: number; keyAt: (index: number) => unknown },
  ref: Ref<VirtualListHandle> | undefined,
): VirtualListView {
  const { count, itemSize } = props;
  // Validation is for development; production builds drop it, error sentences included.
  if (process.env.NODE_ENV !== 'production') {
    checkCount(api, count);
    checkSize(api, 'itemSize', itemSize);
    checkSize(api, 'estimatedItemSize', props.estimatedItemSize);
    checkOverscan(api, props.overscan);
  }
  const base = itemSize ?? props.estimatedItemSize ?? 50;
  const [, rerender] = useReducer((tick: number) => tick + 1, 0);
  const latest = useRef(props);
  latest.current = props;
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const windowRef = useRef<HTMLDivElement | null>(null);
  const [focused, setFocused] = useState(-1);
  const [[core, binding, sizes]] = useState((): [Virtualizer, ListBinding, { base: unknown }] => {
    const created = createVirtualizer({
      count,
      base,
      overscan: parseOverscan(props.overscan),
      alignToBottom: props.alignToBottom === true,
      initialState: props.initialState,
      viewport: typeof props.height === 'number' && !props.horizontal ? props.height : undefined,
    });
    if (props.initialItemCount !== undefined && !props.initialState)
      created.end = Math.min(count, props.initialItemCount);
    else created.updateRange();
    const settings = () => ({
      ...latest.current,
      measured: latest.current.itemSize === undefined,
      restoring: !!latest.current.initialState || latest.current.alignToBottom === true,
    });
    // flushSync only from scroll and resize events, never from a React lifecycle (no React 19 warning).
    const render = (sync: boolean) => (sync ? flushSync(rerender) : rerender());
    return [created, bindList(created, settings, render), { base }];
  });

  if (count !== core.sizes.count || base !== sizes.base) {
    sizes.base = base;
    binding.resize(count, base, props.followOutput === true);
  }
  const offset = core.windowOffset();
  const size = core.domSize;
  const layout = `${core.start},${core.end},${offset},${size}`;

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
      scrollToIndex: (index, { align = 'start', behavior } = {}) =>
        binding.scrollToIndex(index, align, behavior),
      scrollToOffset: (offset, { behavior } = {}) => binding.scrollToOffset(offset, behavior),
      getState: core.snapshot,
      getRange: core.visible,
      getScrollElement: () => (props.useWindowScroll ? document.scrollingElement : scrollerRef.current),
    }),
  );

  return {
    core,
    scrollerRef,
    windowRef,
    offset,
    size,
    focused,
    onFocus: (event) => {
      const row = (event.target as Element).closest('[data-index]');
      if (row && row.parentNode === windowRef.current) setFocused(Number((row as HTMLElement).dataset.index));
    },
    onBlur: (event) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(-1);
    },
  };
}
