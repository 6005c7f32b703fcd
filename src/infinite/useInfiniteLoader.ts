import { useState } from 'react';
import { hasIntersectionObserver } from '../shared/env';
import { useIsomorphicLayoutEffect } from '../shared/useIsomorphicLayoutEffect';
import { observe } from '../visibility/observe';
import { normalizeRootMargin } from '../visibility/optionsKey';
import type { ObserverRoot } from '../visibility/types';
import {
  createInfiniteLoader,
  type InfiniteLoaderOptions,
  type InfiniteLoaderState,
  type LoadMore,
} from './createInfiniteLoader';

export type InfiniteDirection = 'down' | 'up';

export interface UseInfiniteLoaderOptions {
  /** Loads the next page (or, with `direction="up"`, the previous one). Stop work when `signal` aborts. */
  loadMore: LoadMore;
  /** False once everything is loaded: nothing more is requested. */
  hasMore: boolean;
  /** Where new items go: `"down"` appends (a feed), `"up"` prepends (chat history). @default "down" */
  direction?: InfiniteDirection;
  /**
   * How far before the end a load starts. A CSS margin on the root's box.
   * @default "250%": two and a half viewports, on every side, so it covers either loading end
   */
  rootMargin?: string;
  /** The scroll container; omit when the window scrolls. */
  root?: ObserverRoot;
  /** Load only when the app calls `load()` (a "Load more" button), never on scroll. */
  manual?: boolean;
  /** Automatic retries after a rejection, waiting `retryDelay`, then twice as long each time. @default 3 */
  autoRetry?: number;
  /** @default 1000 (ms) */
  retryDelay?: number;
}

export interface UseInfiniteLoaderResult {
  /** Put it on an element at the loading end of the list. */
  sentinelRef: (element: Element | null) => void;
  isLoading: boolean;
  /** The last rejection; cleared when a load starts. */
  error: unknown;
  /**
   * Loads now (after an error, or from a "Load more" button). Does nothing while a load is in flight or once
   * `hasMore` is false. The same function on every render.
   */
  load: () => void;
  /** True when scrolling cannot trigger loads (`manual`, or no IntersectionObserver): show a button. */
  needsButton: boolean;
}

/**
 * The loading logic of InfiniteScroll for custom layouts: one load in flight at most, a sentinel watched
 * through the shared observer, re-checked after every load so a short page fills the viewport by itself.
 */
export function useInfiniteLoader(options: UseInfiniteLoaderOptions): UseInfiniteLoaderResult {
  const { hasMore, root, manual } = options;
  // With one load in flight at most, a long lookahead costs at most one page fetched early, and it gives a
  // fast scroll time to meet the next page: at 1.5 viewports the benchmark's scroll waited at every end.
  const rootMargin = options.rootMargin ?? '250%';
  if (process.env.NODE_ENV !== 'production') normalizeRootMargin(rootMargin, 'useInfiniteLoader');

  const [state, setState] = useState<InfiniteLoaderState>();
  // The loader reads its options (hasMore included) at call time; refreshing them each render keeps
  // loadMore current. `load` stays the same function for the hook's life, takes no argument (a button's
  // click event is never read as `seen`) and returns nothing, as `useEffect(() => load(), [load])` needs.
  const [[live, loader, load]] = useState(() => {
    const options = {} as InfiniteLoaderOptions;
    const loader = createInfiniteLoader(options);
    return [options, loader, () => loader.load()] as const;
  });
  Object.assign(live, options, { onChange: setState });
  const [sentinel, setSentinel] = useState<Element | null>();
  const needsButton = manual || !hasIntersectionObserver();

  // A layout effect like the one below, so the hook needs no second effect kind.
  useIsomorphicLayoutEffect(() => loader.abort, [loader]);

  // Subscribing again after each successful load makes the observer report the sentinel afresh: if a short
  // page left it in view, that report starts the next load. After a rejection nothing re-subscribes, so a
  // failing loader is retried only by the backoff timer, by retry(), or by scrolling back to the end.
  // Between a load settling and React committing its items, a report may still arrive here, measured
  // against the old, shorter list while the app still holds the old page: passing the loads this
  // subscription has seen makes the loader ignore it, so only the fresh report after the commit counts.
  // Subscribing in the commit, before paint, has the fresh report computed in the frame that first shows
  // the page; a passive effect may run after that paint and cost a frame per page.
  const seen = state?.loaded;
  useIsomorphicLayoutEffect(() => {
    if (sentinel && hasMore && !needsButton)
      return observe(sentinel, (entry) => entry.isIntersecting && loader.load(seen), { root, rootMargin });
  }, [sentinel, hasMore, needsButton, root, rootMargin, loader, seen]);

  return {
    sentinelRef: setSentinel,
    isLoading: !!state?.isLoading,
    error: state?.error,
    load,
    needsButton,
  };
}
