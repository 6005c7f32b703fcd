import { type ComponentType, createElement } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router-dom';
import { ReloadOnceFallback } from './ChunkErrorBoundary';
import { isChunkLoadError } from './isChunkLoadError';
import type { Preloadable } from './lazyWithPreload';
import { type ChunkLoadOptions, loadChunk } from './loadChunk';

/** A route module: its `default` (or `Component`) export is the page; route properties are picked up. */
export type RouteModule = { default?: ComponentType } & Partial<
  Pick<
    RouteObject,
    | 'Component'
    | 'ErrorBoundary'
    | 'HydrateFallback'
    | 'loader'
    | 'action'
    | 'handle'
    | 'shouldRevalidate'
    | 'element'
    | 'errorElement'
  >
>;

export type LazyRoute = LazyRouteFunction<RouteObject> & Preloadable<RouteModule>;

// Rendered in place of a page whose chunk stayed missing: reloads once, then offers "Reload".
const MissingPage = () => createElement(ReloadOnceFallback);
const MissingPageNoReload = () => createElement(ReloadOnceFallback, { reload: false });

const ROUTE_KEYS = [
  'Component',
  'ErrorBoundary',
  'HydrateFallback',
  'loader',
  'action',
  'handle',
  'shouldRevalidate',
  'element',
  'errorElement',
] as const;

/**
 * A react-router-dom 7 `lazy` for route objects, with chunk-load retries and `.preload()` (which
 * PrefetchLink and preloadOnIdle call). When the chunk is still missing after the retries, the route
 * renders a page that reloads once into the new build (the router has already moved to the new URL), and
 * after that a message with a "Reload" button, inside the parent layout. Other errors reach `errorElement`.
 *
 * `{ path: 'about', lazy: lazyRoute(() => import('./pages/About')) }`
 */
export function lazyRoute(load: () => Promise<RouteModule>, options: ChunkLoadOptions = {}): LazyRoute {
  let promise: Promise<RouteModule> | undefined;
  const preload = () =>
    (promise ??= loadChunk(load, { ...options, reload: false }).catch((error) => {
      promise = undefined;
      throw error;
    }));
  const lazy = async () => {
    let module: RouteModule;
    try {
      module = await preload();
    } catch (error) {
      if (!isChunkLoadError(error)) throw error;
      // Resolving (not rejecting) is what lets the route render inside its layout: react-router never
      // renders a route whose lazy() rejected, not even its own errorElement.
      return { Component: options.reload === false ? MissingPageNoReload : MissingPage };
    }
    const route: Record<string, unknown> = {};
    for (const key of ROUTE_KEYS) if (module[key] !== undefined) route[key] = module[key];
    route.Component ??= module.default;
    return route as Partial<RouteObject>;
  };
  return Object.assign(lazy, { preload }) as LazyRoute;
}
