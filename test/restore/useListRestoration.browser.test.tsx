import { act, cleanup, render } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider, useNavigate } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from '../../src';
import { useListRestoration } from '../../src/router';

afterEach(() => cleanup());

function Catalogue() {
  const restoration = useListRestoration();
  return (
    <>
      <Link to="/item">open</Link>
      <VirtualList
        ref={restoration.ref}
        initialState={restoration.initialState}
        count={10_000}
        height={300}
        // Measured rows of varying height: restoring must bring the measurements back, not just an offset.
        estimatedItemSize={40}
        className="catalogue"
      >
        {(index) => <div style={{ height: 30 + (index % 5) * 10 }}>row {index}</div>}
      </VirtualList>
    </>
  );
}

function Item() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => navigate(-1)}>
      back
    </button>
  );
}

const catalogue = () => document.querySelector<HTMLElement>('.catalogue')!;

function firstVisibleRow(list: HTMLElement) {
  const top = list.getBoundingClientRect().top;
  const rows = [...list.querySelectorAll('[role="listitem"]')];
  const first = rows.find((row) => row.getBoundingClientRect().bottom > top + 1)!;
  return { text: first.textContent, offset: first.getBoundingClientRect().top - top };
}

const frames = (count = 3) =>
  new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  });

function setup(initialEntries = ['/']) {
  const router = createMemoryRouter(
    [
      { path: '/', Component: Catalogue },
      { path: '/item', Component: Item },
    ],
    { initialEntries },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('useListRestoration', () => {
  it('shows the same rows, at the same offset, after going to another page and back', async () => {
    const router = setup();
    const list = catalogue();
    list.scrollTop = 52_345;
    await frames();
    const before = firstVisibleRow(list);
    expect(before.text).not.toBe('row 0');

    await act(() => router.navigate('/item'));
    expect(document.querySelector('.catalogue')).toBeNull();
    await act(() => router.navigate(-1));
    await frames();

    const after = firstVisibleRow(catalogue());
    expect(after.text).toBe(before.text);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(1);
  });

  it('starts a new visit to the same URL at the top', async () => {
    const router = setup();
    const list = catalogue();
    list.scrollTop = 20_000;
    await frames();
    await act(() => router.navigate('/item'));
    await act(() => router.navigate('/'));
    await frames();
    expect(catalogue().scrollTop).toBe(0);
    expect(firstVisibleRow(catalogue()).text).toBe('row 0');
  });
});
