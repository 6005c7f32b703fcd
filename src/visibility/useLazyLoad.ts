import { useEffect, useRef, useState } from 'react';
import { hasIntersectionObserver } from '../shared/env';
import { observe } from './observe';
import { normalizeRootMargin, normalizeThreshold } from './optionsKey';
import type { ObserverRoot } from './types';

export interface UseLazyLoadOptions {
  /** How far outside the viewport (or `root`) an element counts as near. A CSS margin. @default "200px" */
  rootMargin?: string;
  /** Visible share (0 to 1) needed to count as visible, or a list of them. @default 0 */
  threshold?: number | readonly number[];
  /** The scroll container; omit for the browser viewport. */
  root?: ObserverRoot;
  /** Stay visible after the first time, and stop observing. @default true */
  once?: boolean;
  /** Do not observe (and report not visible until observed). */
  skip?: boolean;
  /** Called each time visibility changes, with the observer's entry. */
  onChange?: (isVisible: boolean, entry: IntersectionObserverEntry | undefined) => void;
}

export interface UseLazyLoadResult<T extends Element = Element> {
  /** A callback ref: put it on any element; swapping elements is handled. */
  ref: (element: T | null) => void;
  isVisible: boolean;
  /** The latest IntersectionObserver entry; undefined before the first report or without IntersectionObserver. */
  entry: IntersectionObserverEntry | undefined;
}

export const DEFAULT_ROOT_MARGIN = '200px';

interface VisibilityState {
  isVisible: boolean;
  entry?: IntersectionObserverEntry | undefined;
}

const HIDDEN: VisibilityState = { isVisible: false };

/**
 * Tells whether an element is within `rootMargin` of the viewport, through one IntersectionObserver shared
 * by every element with the same options. Without IntersectionObserver it reports visible at once, so
 * nothing stays hidden forever.
 */
export function useLazyLoad<T extends Element = Element>(
  options: UseLazyLoadOptions = {},
): UseLazyLoadResult<T> {
  const { root = null, once = true, skip = false } = options;
  // Read (and, in development, validated) during render, so a bad option fails where it is written.
  const rootMargin = normalizeRootMargin(options.rootMargin ?? DEFAULT_ROOT_MARGIN, 'useLazyLoad');
  const threshold = normalizeThreshold(options.threshold ?? 0, 'useLazyLoad');
  const thresholdKey = `${threshold}`;

  const [element, setElement] = useState<T | null>(null);
  const [state, setState] = useState(HIDDEN);
  const latest = useRef({ onChange: options.onChange, done: false });
  latest.current.onChange = options.onChange;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `thresholdKey` stands for `threshold` by value.
  useEffect(() => {
    const self = latest.current;
    if (!element || skip || (once && self.done)) return;
    let lastVisible: boolean | undefined;
    let stop: (() => void) | undefined;
    const report = (isVisible: boolean, entry?: IntersectionObserverEntry) => {
      if (isVisible === lastVisible) {
        if (!once) setState({ isVisible, entry });
        return;
      }
      lastVisible = isVisible;
      setState({ isVisible, entry });
      self.onChange?.(isVisible, entry);
      if (isVisible && once) {
        self.done = true;
        stop?.();
      }
    };
    if (!hasIntersectionObserver()) return report(true);
    stop = observe(
      element,
      (entry) => report(entry.isIntersecting && entry.intersectionRatio >= threshold[0]!, entry),
      { root, rootMargin, threshold },
    );
    return stop;
  }, [element, skip, once, root, rootMargin, thresholdKey]);

  // The state setter is stable, so it serves as the callback ref itself.
  return { ref: setElement as (element: T | null) => void, isVisible: state.isVisible, entry: state.entry };
}
