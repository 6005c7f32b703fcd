import type { Meta, StoryObj } from '@storybook/react-vite';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router-dom';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { lazyRoute, PrefetchLink } from '../src/router';

function Layout() {
  return (
    <div>
      <nav style={{ display: 'flex', gap: 12 }}>
        <PrefetchLink to="/">Home</PrefetchLink>
        <PrefetchLink to="/report">Report (preloads on hover)</PrefetchLink>
        <PrefetchLink to="/gone" preload="none">
          Removed page
        </PrefetchLink>
      </nav>
      <Outlet />
    </div>
  );
}

const goneChunk = () =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Removed-1a2b.js'));

function App() {
  const router = createMemoryRouter([
    {
      path: '/',
      Component: Layout,
      children: [
        { index: true, element: <h2>Home</h2> },
        { path: 'report', lazy: lazyRoute(() => import('./support/ReportPage')) },
        // reload: false keeps Storybook on the page; an app reloads once into the new build.
        { path: 'gone', lazy: lazyRoute(goneChunk, { retries: 1, retryDelay: 100, reload: false }) },
      ],
    },
  ]);
  return <RouterProvider router={router} />;
}

const meta = { title: 'Components/Routes', component: App } satisfies Meta<typeof App>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Hover "Report" to fetch its chunk before the click. */
export const PrefetchOnHover: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.hover(canvas.getByRole('link', { name: /Report/ }));
    await userEvent.click(canvas.getByRole('link', { name: /Report/ }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Monthly report' })).toBeTruthy());
  },
};

/** The page's chunk is gone (a new deployment): after the retries, a message with a "Reload" button. */
export const FailingNetwork: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('link', { name: 'Removed page' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Reload' })).toBeTruthy(), {
      timeout: 3000,
    });
    expect(canvas.getByRole('alert').textContent).toContain('This page could not be loaded.');
  },
};
