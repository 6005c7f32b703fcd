import { type HTMLAttributes, type ReactNode, useRef } from 'react';
import { KeepAnchor, markerProps } from './keepScrollAnchor';
import { type UseInfiniteLoaderOptions, useInfiniteLoader } from './useInfiniteLoader';

export interface InfiniteScrollErrorProps {
  error: unknown;
  /** Loads again at once. */
  retry: () => void;
}

export interface InfiniteScrollProps
  extends UseInfiniteLoaderOptions,
    Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'role'> {
  /** The items, each an element (ideally `<article>`, as `role="feed"` expects). */
  children?: ReactNode;
  /** Shown at the loading end while a load is in flight. */
  loader?: ReactNode;
  /** Shown at the end once `hasMore` is false. */
  endMessage?: ReactNode;
  /** Shown after a rejected load, with a `retry()` to try again at once. */
  errorFallback?: ReactNode | ((props: InfiniteScrollErrorProps) => ReactNode);
  /** The text of the button shown in `manual` mode or without IntersectionObserver. @default "Load more" */
  loadMoreLabel?: ReactNode;
}

function DefaultError({ retry }: InfiniteScrollErrorProps) {
  return (
    <div role="alert">
      {'Could not load more items. '}
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

/**
 * A feed that loads more items as its end comes near: one load at a time, a short page refilled until the
 * viewport is full, errors shown with a retry and a bounded backoff, and (with `direction="up"`) older
 * items prepended without moving what the user is reading.
 */
export function InfiniteScroll(props: InfiniteScrollProps) {
  // The loader's options are taken out only to keep them off the <div>: useInfiniteLoader reads `props`.
  const {
    loadMore,
    hasMore,
    direction,
    rootMargin,
    root = null,
    manual,
    autoRetry,
    retryDelay,
    children,
    loader = null,
    endMessage = null,
    errorFallback = DefaultError,
    loadMoreLabel = 'Load more',
    ...rest
  } = props;
  const feed = useRef<HTMLDivElement>(null);
  const { sentinelRef, isLoading, error, load, needsButton } = useInfiniteLoader(props);

  let status: ReactNode = null;
  if (isLoading) status = loader;
  else if (error !== undefined)
    status = typeof errorFallback === 'function' ? errorFallback({ error, retry: load }) : errorFallback;
  else if (!hasMore) status = endMessage;
  else if (needsButton)
    status = (
      <button type="button" onClick={load}>
        {loadMoreLabel}
      </button>
    );

  const edge = [
    <div key="s" ref={sentinelRef} aria-hidden style={{ height: 1 }} {...markerProps} />,
    status !== null && (
      <div key="m" {...markerProps}>
        {status}
      </div>
    ),
  ];
  const up = direction === 'up';
  return (
    <div ref={feed} role="feed" aria-busy={isLoading} {...rest}>
      {up && edge.reverse()}
      {up ? (
        <KeepAnchor feed={feed} root={root}>
          {children}
        </KeepAnchor>
      ) : (
        children
      )}
      {!up && edge}
    </div>
  );
}
