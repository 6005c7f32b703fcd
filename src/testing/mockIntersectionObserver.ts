import * as React from 'react';

/** What a test can do with the mocked IntersectionObserver. */
export interface IntersectionObserverMock {
  /**
   * Reports `element` as within its observers' rootMargin (`isIntersecting: true`), with an
   * intersection ratio of `ratio` (default 1), to every observer watching it.
   */
  enter(element: Element, ratio?: number): void;
  /** Reports `element` as outside its observers' rootMargin. */
  leave(element: Element): void;
  /** Reports every watched element as within reach. */
  enterAll(): void;
  /** Whether any observer is watching `element`. */
  isObserved(element: Element): boolean;
  /** The observers alive now (created and not disconnected), with their options. */
  observers(): ReadonlyArray<{
    rootMargin: string;
    thresholds: readonly number[];
    root: Element | Document | null;
    targets: number;
  }>;
  /** Puts back whatever `IntersectionObserver` was there before (none in jsdom). */
  restore(): void;
}

class MockObserver {
  readonly root: Element | Document | null;
  readonly rootMargin: string;
  readonly thresholds: readonly number[];
  readonly scrollMargin = '0px';
  readonly targets = new Set<Element>();

  constructor(
    readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit,
    private readonly live: Set<MockObserver>,
  ) {
    this.root = options.root ?? null;
    this.rootMargin = options.rootMargin ?? '0px';
    const threshold = options.threshold ?? 0;
    this.thresholds = Array.isArray(threshold) ? threshold : [threshold as number];
    live.add(this);
  }
  observe(element: Element) {
    this.targets.add(element);
    this.live.add(this);
  }
  unobserve(element: Element) {
    this.targets.delete(element);
  }
  disconnect() {
    this.targets.clear();
    this.live.delete(this);
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}

const EMPTY_RECT = {
  x: 0,
  y: 0,
  width: 0,
  height: 0,
  top: 0,
  right: 0,
  bottom: 0,
  left: 0,
  toJSON: () => ({}),
};

function entryFor(target: Element, isIntersecting: boolean, ratio: number): IntersectionObserverEntry {
  const rect = target.getBoundingClientRect();
  return {
    target,
    isIntersecting,
    intersectionRatio: isIntersecting ? ratio : 0,
    boundingClientRect: rect,
    intersectionRect: isIntersecting ? rect : EMPTY_RECT,
    rootBounds: null,
    time: performance.now(),
  };
}

// Reports change React state: run them inside act() (React 18.3+) so the update is rendered when enter()
// returns and React does not warn, flagging the act environment for the call as Testing Library does.
function inAct(report: () => void) {
  const act = (React as { act?: (callback: () => void) => void }).act;
  if (!act) return report();
  const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const previous = scope.IS_REACT_ACT_ENVIRONMENT;
  scope.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    act(report);
  } finally {
    scope.IS_REACT_ACT_ENVIRONMENT = previous;
  }
}

/**
 * Installs a controllable `IntersectionObserver` for tests in jsdom or happy-dom, where there is none (and
 * where perfkit components therefore render everything at once). Call it before rendering; components
 * then wait for `enter()` exactly as they wait for the real viewport.
 *
 * ```ts
 * const io = mockIntersectionObserver();
 * render(<LazyImage src="/a.jpg" alt="A" width={40} height={40} data-testid="img" />);
 * io.enter(screen.getByTestId('img'));
 * io.restore();
 * ```
 */
export function mockIntersectionObserver(): IntersectionObserverMock {
  const scope = globalThis as { IntersectionObserver?: unknown; window?: { IntersectionObserver?: unknown } };
  const previous = scope.IntersectionObserver;
  const live = new Set<MockObserver>();

  const Constructor = class extends MockObserver {
    constructor(callback: IntersectionObserverCallback, options: IntersectionObserverInit = {}) {
      super(callback, options, live);
    }
  } as unknown as typeof IntersectionObserver;
  scope.IntersectionObserver = Constructor;
  if (scope.window && scope.window !== scope) scope.window.IntersectionObserver = Constructor;

  const report = (element: Element, isIntersecting: boolean, ratio: number) =>
    inAct(() => {
      for (const observer of [...live]) {
        if (!observer.targets.has(element)) continue;
        observer.callback(
          [entryFor(element, isIntersecting, ratio)],
          observer as unknown as IntersectionObserver,
        );
      }
    });

  return {
    enter: (element, ratio = 1) => report(element, true, ratio),
    leave: (element) => report(element, false, 0),
    enterAll: () => {
      const targets = new Set([...live].flatMap((observer) => [...observer.targets]));
      for (const element of targets) report(element, true, 1);
    },
    isObserved: (element) => [...live].some((observer) => observer.targets.has(element)),
    observers: () =>
      [...live]
        .filter((observer) => observer.targets.size > 0)
        .map(({ rootMargin, thresholds, root, targets }) => ({
          rootMargin,
          thresholds,
          root,
          targets: targets.size,
        })),
    restore: () => {
      scope.IntersectionObserver = previous;
      if (scope.window && scope.window !== scope) scope.window.IntersectionObserver = previous;
    },
  };
}
