import { cleanup, render } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { InfiniteScroll } from '../../src';
import { frame, scroller } from './dom';

const ROW = 50;
const PAGE = 10;

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

interface OffsetFeedProps {
  root: Element;
  offsets: number[];
  finish: Array<() => void>;
}

/**
 * A feed that asks for the page at its rendered item count, as most apps do (`offset = items.length`).
 * Each load waits until the test lets it finish, so the test picks the moment the items arrive.
 */
function OffsetFeed({ root, offsets, finish }: OffsetFeedProps) {
  const [rows, setRows] = useState<number[]>([]);
  const count = useRef(0);
  count.current = rows.length;
  const loadMore = async () => {
    const offset = count.current;
    offsets.push(offset);
    await new Promise<void>((resolve) => finish.push(resolve));
    // Like most apps, it drops a page it already has rather than showing it twice.
    setRows((current) =>
      offset === current.length
        ? [...current, ...Array.from({ length: PAGE }, (_, i) => offset + i)]
        : current,
    );
  };
  return (
    <InfiniteScroll loadMore={loadMore} hasMore root={root} rootMargin="0px" loader={<p>Loading…</p>}>
      {rows.map((row) => (
        <article key={row} className="row" style={{ height: ROW, margin: 0 }}>
          row {row}
        </article>
      ))}
    </InfiniteScroll>
  );
}

describe('InfiniteScroll after a load settles', () => {
  it('asks for each page once, and not again until the sentinel is near the rendered new items', async () => {
    const root = scroller(400);
    const offsets: number[] = [];
    const finish: Array<() => void> = [];
    const rows = () => root.querySelectorAll('.row').length;
    render(<OffsetFeed root={root} offsets={offsets} finish={finish} />, { container: root });
    await expect.poll(() => finish.length).toBe(1);
    finish.shift()!();
    await expect.poll(rows).toBe(PAGE);

    for (let round = 1; round <= 6; round++) {
      // Reach the end: the sentinel comes into view and the next page is requested.
      root.scrollTop = root.scrollHeight;
      await expect.poll(() => finish.length).toBe(1);
      // Leave the end while it loads and come back in the frame the load finishes, so the observer
      // measures the sentinel near before React has rendered the page that pushes it 500 px away.
      root.scrollTop = 0;
      await frame();
      await frame();
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          root.scrollTop = root.scrollHeight;
          const done = () => {
            finish.shift()!();
            resolve();
          };
          // Odd rounds finish inside the frame; even ones in a task queued behind the observer's report,
          // which then reaches the feed before React renders the page (the app's count is still old).
          if (round % 2) return done();
          const channel = new MessageChannel();
          channel.port1.onmessage = done;
          channel.port2.postMessage(null);
        }),
      );
      await expect.poll(rows).toBeGreaterThanOrEqual(PAGE * (round + 1));
      for (let i = 0; i < 5; i++) await frame();
      // Finish whatever a stale report started, so it is counted rather than left hanging.
      while (finish.length) finish.shift()!();
      await frame();
      await frame();
    }
    expect(offsets).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });
});
