/** What `loadMore` receives: abort the work when `signal` fires (unmount, or a newer load replaced it). */
export interface LoadMoreContext {
  signal: AbortSignal;
}

export type LoadMore = (context: LoadMoreContext) => Promise<unknown> | unknown;

export interface InfiniteLoaderState {
  isLoading: boolean;
  /** Loads that succeeded so far; a new value means the list may have grown. */
  loaded: number;
  /** The latest rejection, until a load starts. */
  error: unknown;
}

/** Every field is read at call time, so the owner may update them (an inline `loadMore` is fine). */
export interface InfiniteLoaderOptions {
  loadMore: LoadMore;
  /** False once everything is loaded: `load()` and a scheduled retry then do nothing. */
  hasMore?: boolean;
  /** Automatic retries after a rejection, each after twice the previous wait. @default 3 */
  autoRetry?: number;
  /** The first wait in ms. @default 1000 */
  retryDelay?: number;
  onChange: (state: InfiniteLoaderState) => void;
}

export interface InfiniteLoader {
  /**
   * Starts a load unless one is in flight, `hasMore` is false, or `seen` (how many loads had succeeded when
   * the caller last rendered) is behind: the caller then acts on a view of the list without the latest page.
   */
  load(seen?: number): void;
  /** Aborts the load in flight and cancels a scheduled retry; `load()` may start a new one later. */
  abort(): void;
}

/**
 * The framework-free heart of InfiniteScroll: at most one load in flight, rejections kept as state with a
 * bounded, doubling retry (never a loop), and an AbortSignal for the load that the owner can cancel.
 */
export function createInfiniteLoader(options: InfiniteLoaderOptions): InfiniteLoader {
  let inFlight: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let loaded = 0;
  let failures = 0;
  const report = (error?: unknown) => options.onChange({ isLoading: !!inFlight, loaded, error });

  const load = (seen = loaded) => {
    if (inFlight || seen < loaded || options.hasMore === false) return;
    clearTimeout(retryTimer);
    const controller = new AbortController();
    inFlight = controller;
    report();
    const settle = (failed: boolean, error?: unknown) => {
      if (inFlight !== controller) return;
      inFlight = undefined;
      if (failed) failures++;
      else {
        failures = 0;
        loaded++;
      }
      report(error);
      if (failed && failures <= (options.autoRetry ?? 3))
        retryTimer = setTimeout(load, (options.retryDelay ?? 1000) * 2 ** (failures - 1));
    };
    // Called from an async function, so a loadMore that throws instead of rejecting counts as a rejection.
    (async () => options.loadMore({ signal: controller.signal }))().then(
      () => settle(false),
      (error) => settle(true, error),
    );
  };

  return {
    load,
    abort() {
      clearTimeout(retryTimer);
      if (inFlight) {
        inFlight.abort();
        inFlight = undefined;
        report();
      }
    },
  };
}
