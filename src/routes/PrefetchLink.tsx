import { useCallback, useContext, useEffect } from 'react';
import {
  Link,
  type LinkProps,
  matchRoutes,
  UNSAFE_DataRouterContext,
  useResolvedPath,
} from 'react-router-dom';
import { prefersReducedData } from '../shared/env';
import { useLazyLoad } from '../visibility/useLazyLoad';
import type { Preloadable } from './lazyWithPreload';

export type PreloadMode = 'intent' | 'viewport' | 'render' | 'none';

export interface PrefetchLinkProps extends LinkProps {
  /**
   * When to fetch the target page's code: on hover, focus or touch (`"intent"`), once the link is on
   * screen (`"viewport"`), at once (`"render"`), or never. Under Save-Data only intent preloads.
   * @default "intent"
   */
  preload?: PreloadMode;
  /**
   * What to preload. By default the `lazyRoute()` routes that match `to` in the data router; give the
   * `lazyWithPreload` page (or several) when routes are declared with `<Routes>`.
   */
  preloadWith?: Preloadable | readonly Preloadable[];
}

function hasPreload(value: unknown): value is Preloadable {
  return typeof value === 'function' && typeof (value as Partial<Preloadable>).preload === 'function';
}

/** react-router's `Link` that fetches the target route's chunk before the click. */
export function PrefetchLink({
  preload = 'intent',
  preloadWith,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: PrefetchLinkProps) {
  const routes = useContext(UNSAFE_DataRouterContext)?.router.routes;
  const { pathname } = useResolvedPath(props.to);

  const start = useCallback(() => {
    const targets = preloadWith
      ? ([] as Preloadable[]).concat(preloadWith)
      : (routes && matchRoutes(routes, pathname))?.flatMap(({ route }) =>
          hasPreload(route.lazy) ? [route.lazy] : [],
        );
    // A failed preload is retried (and reported) when the route itself loads.
    for (const target of targets ?? []) target.preload().catch(() => {});
  }, [preloadWith, routes, pathname]);

  const automatic = preload === 'render' || preload === 'viewport';
  const { ref, isVisible } = useLazyLoad<HTMLAnchorElement>({
    rootMargin: '0px',
    skip: preload !== 'viewport',
  });
  useEffect(() => {
    if (automatic && (preload === 'render' || isVisible) && !prefersReducedData()) start();
  }, [automatic, preload, isVisible, start]);

  const intent = preload === 'intent';
  return (
    <Link
      {...props}
      ref={preload === 'viewport' ? ref : undefined}
      onMouseEnter={(event) => {
        onMouseEnter?.(event);
        if (intent) start();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        if (intent) start();
      }}
      onTouchStart={(event) => {
        onTouchStart?.(event);
        if (intent) start();
      }}
    />
  );
}
