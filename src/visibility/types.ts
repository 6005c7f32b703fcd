export type ObserverRoot = Element | Document | null;

export interface ObserveOptions {
  /** The scroll container that is the viewport; `null` or omitted for the browser viewport. */
  root?: ObserverRoot;
  /** A CSS margin such as `"200px"` or `"100px 0px"`, grows (or shrinks) the root's box. */
  rootMargin?: string;
  /** Visible share (0 to 1) at which the element counts as visible, or a list of them. */
  threshold?: number | readonly number[];
}

export type VisibilityListener = (entry: IntersectionObserverEntry) => void;
