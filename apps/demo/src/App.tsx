import { PageLoader } from '@perfkit/react';
import { type LazyRoute, lazyRoute, RouteErrorElement, type RouteModule } from '@perfkit/react/router';
import { createBrowserRouter, type LoaderFunction, type RouteObject, RouterProvider } from 'react-router-dom';
import { Layout } from './Layout';
import { Home } from './pages/Home';
import { chatLoader, feedLoader, productLoader, shopLoader, videosLoader } from './routes/loaders';
import { PageError } from './routes/PageError';
import { productPage } from './routes/pages';

/**
 * A page in its own chunk. Its loader (in this chunk) runs alongside the chunk's download; on a first visit
 * straight to the page the layout renders at once with PageLoader in its place (HydrateFallback).
 */
const page = (
  path: string,
  load: (() => Promise<RouteModule>) | LazyRoute,
  loader?: LoaderFunction,
): RouteObject => ({
  path,
  lazy: 'preload' in load ? load : lazyRoute(load),
  loader,
  HydrateFallback: PageLoader,
  ErrorBoundary: PageError,
});

// Home is in the entry chunk (it is the landing page); every other page is its own chunk, fetched when the
// navigation shows intent (PrefetchLink) or when the route is visited.
const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    errorElement: <RouteErrorElement />,
    children: [
      { index: true, Component: Home },
      page('feed', () => import('./pages/Feed'), feedLoader),
      page('shop', () => import('./pages/Shop'), shopLoader),
      page('shop/:productId', productPage, productLoader),
      page('chat', () => import('./pages/Chat'), chatLoader),
      page('videos', () => import('./pages/Videos'), videosLoader),
      page('upload', () => import('./pages/Upload')),
      page('*', () => import('./pages/NotFound')),
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
