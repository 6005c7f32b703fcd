import { type HTMLAttributes, type ReactNode, useRef } from 'react';
import { KeepAnchor } from './keepScrollAnchor';
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

const button = (onClick: () => void, label: ReactNode) => (
  <button type="button" onClick={onClick}>
    {label}
  </button>
);

const DefaultError = ({ retry }: InfiniteScrollErrorProps) => (
  <div role="alert">Could not load more items. {button(retry, 'Try again')}</div>
);

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
    root,
    manual,
    autoRetry,
    retryDelay,
    children,
    loader,
    endMessage,
    errorFallback = DefaultError,
    loadMoreLabel = 'Load more',
    ...rest
  } = props;
  const feed = useRef<HTMLDivElement>(null);
  const { sentinelRef, isLoading, error, load, needsButton } = useInfiniteLoader(props);

  // What the loading end shows, by precedence: the loader, the error, the end, the "Load more" button.
  const status = isLoading
    ? loader
    : error !== undefined
      ? typeof errorFallback === 'function'
        ? errorFallback({ error, retry: load })
        : errorFallback
      : !hasMore
        ? endMessage
        : needsButton && button(load, loadMoreLabel);

  // One element at the loading end is both the sentinel (empty, it still reports at the items' edge) and
  // the holder of the loader, messages or button; as the feed's first or last child it is never an anchor.
  const edge = <div ref={sentinelRef}>{status}</div>;
  const up = direction === 'up';
  return (
    <div ref={feed} role="feed" aria-busy={isLoading} {...rest}>
      {up ? edge : children}
      {up ? (
        <KeepAnchor feed={feed} root={root}>
          {children}
        </KeepAnchor>
      ) : (
        edge
      )}
    </div>
  );
}
