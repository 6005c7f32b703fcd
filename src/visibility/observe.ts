import { normalizeRootMargin, normalizeThreshold, optionsKey } from './optionsKey';
import type { ObserveOptions, ObserverRoot, VisibilityListener } from './types';

interface SharedObserver {
  observer: IntersectionObserver;
  listeners: Map<Element, Set<VisibilityListener>>;
  /** The latest entry per element, handed to a listener that joins after the observer's first report. */
  lastEntries: WeakMap<Element, IntersectionObserverEntry>;
}

// Observers for the viewport live in a Map; observers for a scroll container hang off that container in a
// WeakMap, so a removed container and its observers can be collected.
const viewportObservers = new Map<string, SharedObserver>();
const containerObservers = new WeakMap<Element | Document, Map<string, SharedObserver>>();

function observersFor(root: ObserverRoot): Map<string, SharedObserver> {
  if (!root) return viewportObservers;
  let observers = containerObservers.get(root);
  if (!observers) {
    observers = new Map();
    containerObservers.set(root, observers);
  }
  return observers;
}

function createShared(root: ObserverRoot, rootMargin: string, threshold: number[]): SharedObserver {
  const shared: SharedObserver = {
    listeners: new Map(),
    lastEntries: new WeakMap(),
    observer: new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          shared.lastEntries.set(entry.target, entry);
          const listeners = shared.listeners.get(entry.target);
          if (!listeners) continue;
          for (const listener of listeners) listener(entry);
        }
      },
      { root: root ?? null, rootMargin, threshold },
    ),
  };
  return shared;
}

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
  const api = 'observe';
  const rootMargin = normalizeRootMargin(options.rootMargin ?? '0px', api);
  const threshold = normalizeThreshold(options.threshold ?? 0, api);
  const root = options.root ?? null;
  const key = optionsKey(rootMargin, threshold);
  const observers = observersFor(root);

  let shared = observers.get(key);
  if (!shared) {
    shared = createShared(root, rootMargin, threshold);
    observers.set(key, shared);
  }

  let listeners = shared.listeners.get(element);
  if (!listeners) {
    listeners = new Set();
    shared.listeners.set(element, listeners);
    shared.observer.observe(element);
  } else {
    // The observer reports an element once when it starts watching it; a second listener on an element
    // already watched would never hear that first report, so replay it.
    const last = shared.lastEntries.get(element);
    if (last) queueMicrotask(() => listeners?.has(listener) && listener(last));
  }
  listeners.add(listener);

  const owner = shared;
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    const current = owner.listeners.get(element);
    if (!current) return;
    current.delete(listener);
    if (current.size > 0) return;
    owner.listeners.delete(element);
    owner.observer.unobserve(element);
    if (owner.listeners.size === 0) {
      owner.observer.disconnect();
      if (observers.get(key) === owner) observers.delete(key);
    }
  };
}

/** How many shared observers are alive and how many elements they watch. For tests and dev tools. */
export function getObserverStats(root: ObserverRoot = null): { observers: number; elements: number } {
  const observers = root ? containerObservers.get(root) : viewportObservers;
  let elements = 0;
  for (const shared of observers?.values() ?? []) elements += shared.listeners.size;
  return { observers: observers?.size ?? 0, elements };
}
