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
  /** Loads that failed in a row. */
  failures: number;
}

/** Every field is read at call time, so the owner may update them (an inline `loadMore` is fine). */
export interface InfiniteLoaderOptions {
  loadMore: LoadMore;
  /** Automatic retries after a rejection, each after twice the previous wait. */
  autoRetry: number;
  /** The first wait in ms. */
  retryDelay: number;
  onChange: (state: InfiniteLoaderState) => void;
}

export interface InfiniteLoader {
  /**
   * Starts a load unless one is in flight, or unless `seen` (how many loads had succeeded when the caller
   * last rendered) is behind: the caller then acts on a view of the list without the latest page.
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
  const report = (error?: unknown) => options.onChange({ isLoading: !!inFlight, loaded, error, failures });

  const load = (seen = loaded) => {
    if (inFlight || seen < loaded) return;
    clearTimeout(retryTimer);
    const controller = new AbortController();
    inFlight = controller;
    report();
    const settle = (failed: boolean, error?: unknown) => {
      if (inFlight !== controller) return;
      inFlight = undefined;
      failures = failed ? failures + 1 : 0;
      loaded += failed ? 0 : 1;
      report(error);
      if (failed && failures <= options.autoRetry)
        retryTimer = setTimeout(load, options.retryDelay * 2 ** (failures - 1));
    };
    // Inside the executor, so a loadMore that throws instead of rejecting counts as a rejection.
    new Promise((resolve) => resolve(options.loadMore({ signal: controller.signal }))).then(
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
