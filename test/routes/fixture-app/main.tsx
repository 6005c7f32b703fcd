// A small app built by Vite for the route tests: eager home page, every other page split into a chunk.
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router-dom';
import { lazyWithPreload, RouteSuspense } from '../../../src/index';
import { lazyRoute, PrefetchLink, RouteErrorElement } from '../../../src/router';

const GonePage = lazyWithPreload(() => import('./pages/Gone'), { retries: 1, retryDelay: 50 });

function Layout() {
  return (
    <>
      <nav>
        <PrefetchLink to="/about">About</PrefetchLink> <PrefetchLink to="/flaky">Flaky</PrefetchLink>{' '}
        <PrefetchLink to="/broken" preload="none">
          Broken
        </PrefetchLink>{' '}
        <PrefetchLink to="/gone" preload="none" preloadWith={GonePage}>
          Gone
        </PrefetchLink>
      </nav>
      <Outlet />
    </>
  );
}

const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    errorElement: <RouteErrorElement />,
    children: [
      { index: true, element: <h1>Home</h1> },
      { path: 'about', lazy: lazyRoute(() => import('./pages/About')) },
      {
        path: 'flaky',
        lazy: lazyRoute(() => import('./pages/Flaky'), { retries: 2, retryDelay: 50 }),
      },
      {
        path: 'broken',
        lazy: lazyRoute(() => import('./pages/Broken'), { retries: 1, retryDelay: 50 }),
      },
      {
        path: 'gone',
        element: (
          <RouteSuspense>
            <GonePage />
          </RouteSuspense>
        ),
      },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(<RouterProvider router={router} />);
