/** What `loadMore` receives: abort the work when `signal` fires (unmount, or a newer load replaced it). */
export interface LoadMoreContext {
  signal: AbortSignal;
}

export type LoadMore = (context: LoadMoreContext) => Promise<unknown> | unknown;

export interface InfiniteLoaderState {
  isLoading: boolean;
  /** Loads that succeeded so far; a new value means the list may have grown. */
  loaded: number;
  /** The latest rejection, until a load succeeds. */
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
  /** Starts a load unless one is in flight; returns whether it started. */
  load(): boolean;
  /** Aborts the load in flight and cancels a scheduled retry; `load()` may start a new one later. */
  abort(): void;
}

/**
 * The framework-free heart of InfiniteScroll: at most one load in flight, rejections kept as state with a
 * bounded, doubling retry (never a loop), and an AbortSignal for the load that the owner can cancel.
 */
export function createInfiniteLoader(options: InfiniteLoaderOptions): InfiniteLoader {
  let state: InfiniteLoaderState = { isLoading: false, loaded: 0, error: undefined, failures: 0 };
  let inFlight: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (next: Partial<InfiniteLoaderState>) => {
    state = { ...state, ...next };
    options.onChange(state);
  };

  const load = (): boolean => {
    if (inFlight) return false;
    clearTimeout(retryTimer);
    const controller = new AbortController();
    inFlight = controller;
    update({ isLoading: true, error: undefined });
    const settle = (error?: unknown, failed?: boolean) => {
      if (inFlight !== controller) return;
      inFlight = undefined;
      if (!failed) return update({ isLoading: false, loaded: state.loaded + 1, failures: 0 });
      const failures = state.failures + 1;
      update({ isLoading: false, error, failures });
      if (failures <= options.autoRetry)
        retryTimer = setTimeout(load, options.retryDelay * 2 ** (failures - 1));
    };
    new Promise((resolve) => resolve(options.loadMore({ signal: controller.signal }))).then(
      () => settle(),
      (error) => settle(error, true),
    );
    return true;
  };

  return {
    load,
    abort() {
      clearTimeout(retryTimer);
      inFlight?.abort();
      inFlight = undefined;
      if (state.isLoading) update({ isLoading: false });
    },
  };
}
