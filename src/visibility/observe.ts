import { normalizeRootMargin, normalizeThreshold, optionsKey } from './optionsKey';
import type { ObserveOptions, ObserverRoot, VisibilityListener } from './types';

/** A watched element's listeners, and the observer's latest entry for it. */
type Watched = [listeners: Set<VisibilityListener>, last?: IntersectionObserverEntry];
type Shared = [observer: IntersectionObserver, watched: Map<Element, Watched>];

// Observers are grouped by root in a WeakMap, so a removed scroll container and its observers can be
// collected; the viewport (root null) has a key of its own.
const VIEWPORT = {};
const pools = new WeakMap<object, Map<string, Shared | OwnedShared>>();

/**
 * Watches `element` through the one IntersectionObserver shared by every element with the same root,
 * rootMargin and threshold. Returns an idempotent function that stops watching; the observer disconnects
 * when its last element leaves.
 */
export function observe(
  element: Element,
  listener: VisibilityListener,
  options: ObserveOptions = {},
): () => void {
  const { root } = options;
  const rootMargin = normalizeRootMargin(options.rootMargin ?? '0px', 'observe');
  const threshold = normalizeThreshold(options.threshold ?? 0, 'observe');
  const key = optionsKey(rootMargin, threshold);
  const pool = pools.get(root || VIEWPORT) ?? new Map<string, Shared | OwnedShared>();
  pools.set(root || VIEWPORT, pool);
  let shared = pool.get(key) as Shared | undefined;
  if (!shared) {
    const watched = new Map<Element, Watched>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const found = watched.get(entry.target);
          if (found) {
            found[1] = entry;
            for (const each of found[0]) each(entry);
          }
        }
      },
      { root, rootMargin, threshold },
    );
    shared = [observer, watched];
    pool.set(key, shared);
  }
  const [observer, watched] = shared;
  let found = watched.get(element);
  if (!found) {
    found = [new Set()];
    watched.set(element, found);
    observer.observe(element);
  } else if (found[1]) {
    // The observer reports an element once when it starts watching it; a second listener on an element
    // already watched would never hear that first report, so replay it.
    const [listeners, last] = found;
    queueMicrotask(() => listeners.has(listener) && listener(last));
  }
  const listeners = found[0];
  listeners.add(listener);
  // `delete` answers false once the listener is gone, which makes stopping idempotent.
  return () => {
    if (listeners.delete(listener) && !listeners.size) {
      watched.delete(element);
      observer.unobserve(element);
      if (!watched.size) {
        observer.disconnect();
        pool.delete(key);
      }
    }
  };
}

/**
 * Stops reporting `element` to `listener`, as the function `observe` returns does, given the options it was
 * observed with; calling it again does nothing. For components that watch many elements: one closure less
 * per element. (The closure keeps its own copy of these lines: sharing them costs every hook ~30 B gzip.)
 */
export function unobserve(
  element: Element,
  listener: VisibilityListener,
  options: ObserveOptions = {},
): void {
  const { root } = options;
  const pool = pools.get(root || VIEWPORT);
  const key = optionsKey(
    normalizeRootMargin(options.rootMargin ?? '0px', 'unobserve'),
    normalizeThreshold(options.threshold ?? 0, 'unobserve'),
  );
  const [observer, watched] = (pool?.get(key) as Shared | undefined) ?? [];
  const listeners = watched?.get(element)?.[0];
  if (listeners?.delete(listener) && !listeners.size) {
    watched!.delete(element);
    observer!.unobserve(element);
    if (!watched!.size) {
      observer!.disconnect();
      pool!.delete(key);
    }
  }
}

/** Answers an observer's entries for the elements it watches with `setIntersectionOwner`. */
export interface IntersectionOwner {
  onIntersect(entry: IntersectionObserverEntry): void;
}

// No description: it would only name the key in devtools, and costs every bundle that watches owners.
const OWNER = Symbol();
type Owned = Element & { [OWNER]?: IntersectionOwner | undefined };
/** A count where `observe` keeps a map of elements. */
type OwnedShared = [observer: IntersectionObserver, watched: number];

/**
 * Watches `element` for `owner` through the one IntersectionObserver shared by every owned element with the
 * same root and rootMargin, or, given no owner, stops watching it (again, or with no element, does nothing).
 * The element carries its owner, so nothing is kept per element: for components of which a page has
 * hundreds (a grid of images), where `observe`'s listener set per element adds up. One owner per element;
 * it is stopped with the root and rootMargin it was watched with. One function for both: a component that
 * uses one uses the other.
 */
export function setIntersectionOwner(
  element: Element | null,
  owner: IntersectionOwner | undefined,
  root: ObserverRoot | undefined,
  rootMargin: string,
): void {
  const pool = pools.get(root || VIEWPORT) ?? new Map<string, Shared | OwnedShared>();
  pools.set(root || VIEWPORT, pool);
  // Keys of `observe` always hold a "|": the two kinds never share an observer.
  let shared = pool.get(rootMargin) as OwnedShared | undefined;
  if (owner) {
    if (!shared) {
      const observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) (entry.target as Owned)[OWNER]?.onIntersect(entry);
        },
        { root, rootMargin },
      );
      shared = [observer, 0];
      pool.set(rootMargin, shared);
    }
    (element as Owned)[OWNER] = owner;
    shared[1]++;
    shared[0].observe(element!);
  } else if (shared && (element as Owned | null)?.[OWNER]) {
    (element as Owned)[OWNER] = undefined;
    shared[0].unobserve(element!);
    if (!--shared[1]) {
      shared[0].disconnect();
      pool.delete(rootMargin);
    }
  }
}

/** How many shared observers are alive and how many elements they watch. For tests and dev tools. */
export function getObserverStats(root: ObserverRoot = null): { observers: number; elements: number } {
  const pool = pools.get(root || VIEWPORT);
  let elements = 0;
  pool?.forEach(([, watched]) => {
    elements += typeof watched === 'number' ? watched : watched.size;
  });
  return { observers: pool?.size ?? 0, elements };
}
