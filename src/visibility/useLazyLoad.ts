import { useCallback, useEffect, useRef, useState } from 'react';
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
  entry: IntersectionObserverEntry | undefined;
}

const HIDDEN: VisibilityState = { isVisible: false, entry: undefined };

/**
 * Tells whether an element is within `rootMargin` of the viewport, through one IntersectionObserver shared
 * by every element with the same options. Without IntersectionObserver it reports visible at once, so
 * nothing stays hidden forever.
 */
export function useLazyLoad<T extends Element = Element>(
  options: UseLazyLoadOptions = {},
): UseLazyLoadResult<T> {
  const { root = null, once = true, skip = false } = options;
  // Validate during render so a bad option fails where it is written, with its name in the message.
  const rootMargin = normalizeRootMargin(options.rootMargin ?? DEFAULT_ROOT_MARGIN, 'useLazyLoad');
  const thresholdKey = normalizeThreshold(options.threshold ?? 0, 'useLazyLoad').join(',');

  const [element, setElement] = useState<T | null>(null);
  const [state, setState] = useState<VisibilityState>(HIDDEN);
  const onChangeRef = useRef(options.onChange);
  onChangeRef.current = options.onChange;
  const doneRef = useRef(false);

  const ref = useCallback((node: T | null) => setElement(node), []);

  useEffect(() => {
    if (!element || skip || (once && doneRef.current)) return;
    if (!hasIntersectionObserver()) {
      doneRef.current = once;
      setState({ isVisible: true, entry: undefined });
      onChangeRef.current?.(true, undefined);
      return;
    }
    const threshold = thresholdKey.split(',').map(Number);
    const minRatio = threshold[0] ?? 0;
    let lastVisible: boolean | undefined;
    const stop = observe(
      element,
      (entry) => {
        const isVisible = entry.isIntersecting && entry.intersectionRatio >= minRatio;
        if (isVisible === lastVisible) {
          if (!once) setState({ isVisible, entry });
          return;
        }
        lastVisible = isVisible;
        setState({ isVisible, entry });
        onChangeRef.current?.(isVisible, entry);
        if (isVisible && once) {
          doneRef.current = true;
          stop();
        }
      },
      { root, rootMargin, threshold },
    );
    return stop;
  }, [element, skip, once, root, rootMargin, thresholdKey]);

  return { ref, isVisible: state.isVisible, entry: state.entry };
}
