import { cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InfiniteScroll } from '../../src';
import { scroller } from './dom';

const ROW = 50;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function Pages({ root, rows, calls }: { root: Element; rows: number; calls: { total: number } }) {
  const [count, setCount] = useState(0);
  return (
    <InfiniteScroll
      root={root}
      hasMore={count < 10 * rows}
      loadMore={async () => {
        calls.total += 1;
        setCount((current) => current + rows);
      }}
    >
      {Array.from({ length: count }, (_, row) => (
        <article key={row} style={{ height: ROW, margin: 0 }}>
          row {row}
        </article>
      ))}
    </InfiniteScroll>
  );
}

describe('InfiniteScroll with the default rootMargin', () => {
  it('asks for the next page while the end is still two and a half viewports away, and not from further', async () => {
    const near = scroller(200);
    const far = scroller(200);
    const nearCalls = { total: 0 };
    const farCalls = { total: 0 };
    // One page ends 650 px down a 200 px box (the end 2.25 viewports below it), the other 850 px (3.25).
    render(<Pages root={near} rows={13} calls={nearCalls} />, { container: near });
    render(<Pages root={far} rows={17} calls={farCalls} />, { container: far });
    await expect.poll(() => nearCalls.total).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nearCalls.total).toBe(2);
    expect(farCalls.total).toBe(1);
  });
});

describe('InfiniteScroll given pages that leave the end in view', () => {
  it('watches the end afresh in the commit that shows a page, so the next page is asked for in the next frame', async () => {
    const root = scroller(400);
    const watch = vi.spyOn(IntersectionObserver.prototype, 'observe');
    const edge = () => root.querySelector('[role="feed"]')?.lastElementChild;
    const watchesOfEdge = () => watch.mock.calls.filter(([target]) => target === edge()).length;
    // A MutationObserver runs right after the commit that adds a row, before anything the browser or React
    // schedules for later (a passive effect, a frame): what is watched then is watched in the next frame.
    const watchedWhenShown: number[] = [];
    new MutationObserver(() => {
      if (root.querySelectorAll('article').length > watchedWhenShown.length)
        watchedWhenShown.push(watchesOfEdge());
    }).observe(root, { childList: true, subtree: true });

    function Feed() {
      const [rows, setRows] = useState<number[]>([]);
      return (
        <InfiniteScroll
          root={root}
          rootMargin="0px"
          hasMore={rows.length < 8}
          loadMore={async () => {
            await new Promise((resolve) => setTimeout(resolve, 0));
            setRows((current) => [...current, current.length]);
          }}
        >
          {rows.map((row) => (
            <article key={row} style={{ height: ROW, margin: 0 }}>
              row {row}
            </article>
          ))}
        </InfiniteScroll>
      );
    }
    render(<Feed />, { container: root });
    // Eight one-row pages fill the 400 px box; each leaves the end in view, so each asks for the next.
    await expect.poll(() => watchedWhenShown.length).toBe(8);
    // Watched once on mount, then once more by the time each page is shown, but the last (hasMore is false).
    expect(watchedWhenShown).toEqual([2, 3, 4, 5, 6, 7, 8, 8]);
  });
});
