import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { InfiniteScroll, type InfiniteScrollProps, type LoadMoreContext } from '../../src';
import { frame, scroller } from './dom';

const ROW = 50;

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

interface Calls {
  total: number;
  inFlight: number;
  maxInFlight: number;
  signals: AbortSignal[];
}

function newCalls(): Calls {
  return { total: 0, inFlight: 0, maxInFlight: 0, signals: [] };
}

interface FeedProps extends Partial<InfiniteScrollProps> {
  calls: Calls;
  pageSize?: number;
  total?: number;
  delayMs?: number;
  /** Call numbers (1-based) that reject. */
  failOn?: (call: number) => boolean;
  prepend?: boolean;
}

/** An app that appends (or prepends) numbered rows, like a user's feed would. */
function Feed({ calls, pageSize = 10, total = 1000, delayMs = 20, failOn, prepend, ...props }: FeedProps) {
  const [rows, setRows] = useState<number[]>([]);
  const loadMore = async ({ signal }: LoadMoreContext) => {
    calls.total += 1;
    calls.inFlight += 1;
    calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
    calls.signals.push(signal);
    const call = calls.total;
    try {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (failOn?.(call)) throw new Error(`page ${call} failed`);
      setRows((current) => {
        const start = current.length;
        const page = Array.from({ length: Math.min(pageSize, total - start) }, (_, i) => start + i);
        return prepend ? [...page.reverse(), ...current] : [...current, ...page];
      });
    } finally {
      calls.inFlight -= 1;
    }
  };
  return (
    <InfiniteScroll
      loadMore={loadMore}
      hasMore={rows.length < total}
      loader={<p>Loading…</p>}
      endMessage={<p>No more items</p>}
      {...props}
    >
      {rows.map((row) => (
        <article key={row} className="row" data-row={row} style={{ height: ROW, margin: 0 }}>
          row {row}
        </article>
      ))}
    </InfiniteScroll>
  );
}

const rows = (container: ParentNode) => container.querySelectorAll('.row').length;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InfiniteScroll', () => {
  it('never has two loadMore calls in flight during a fast scroll with a slow loader, even in StrictMode', async () => {
    const root = scroller();
    const calls = newCalls();
    render(
      <StrictMode>
        <Feed calls={calls} root={root} delayMs={150} pageSize={10} total={120} />
      </StrictMode>,
      { container: root },
    );
    await expect.poll(() => rows(root)).toBeGreaterThan(0);
    // 200 px per frame, faster than the loader can keep up with: the sentinel keeps re-entering view.
    for (let i = 0; i < 300 && rows(root) < 120; i++) {
      root.scrollTop += 200;
      await frame();
    }
    await expect.poll(() => rows(root), { timeout: 10_000 }).toBe(120);
    expect(calls.maxInFlight).toBe(1);
    expect(calls.total).toBe(12);
    const numbers = [...root.querySelectorAll<HTMLElement>('.row')].map((row) => Number(row.dataset.row));
    expect(new Set(numbers).size).toBe(120);
  });

  it('requests the first page by itself and keeps loading a short first page until the viewport is full', async () => {
    const root = scroller(400);
    const calls = newCalls();
    render(<Feed calls={calls} root={root} rootMargin="0px" pageSize={3} />, { container: root });
    await expect.poll(() => root.scrollHeight > root.clientHeight).toBe(true);
    await wait(300);
    const count = rows(root);
    // Filled (8 rows = 400 px) and stopped: the page before the last did not yet fill the viewport.
    expect(count * ROW).toBeGreaterThanOrEqual(400);
    expect((count - 3) * ROW).toBeLessThanOrEqual(400);
    expect(calls.total).toBe(count / 3);
    expect(calls.maxInFlight).toBe(1);
  });

  it('shows errorFallback after a rejection, does not retry by itself with autoRetry={0}, and retry() loads', async () => {
    const root = scroller();
    const calls = newCalls();
    render(
      <Feed
        calls={calls}
        root={root}
        autoRetry={0}
        failOn={(call) => call === 1}
        errorFallback={({ error, retry }) => (
          <button type="button" onClick={retry}>
            {(error as Error).message}, retry
          </button>
        )}
      />,
      { container: root },
    );
    const retry = await screen.findByRole('button', { name: 'page 1 failed, retry' });
    await wait(300);
    expect(calls.total).toBe(1);
    expect(rows(root)).toBe(0);
    await act(async () => retry.click());
    await expect.poll(() => rows(root)).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /failed/ })).toBeNull();
  });

  it('retries a failing loader with a doubling backoff, then stops and waits for retry()', async () => {
    const root = scroller();
    const calls = newCalls();
    const started: number[] = [];
    render(
      <Feed
        calls={calls}
        root={root}
        autoRetry={2}
        retryDelay={100}
        delayMs={0}
        failOn={() => {
          started.push(performance.now());
          return true;
        }}
      />,
      { container: root },
    );
    await expect.poll(() => calls.total).toBe(3);
    await wait(800);
    expect(calls.total).toBe(3);
    expect(started[2]! - started[1]!).toBeGreaterThan(1.5 * (started[1]! - started[0]!));
    expect(screen.getByRole('alert').textContent).toContain('Could not load more items.');
  });

  it('stops asking and shows endMessage once hasMore is false', async () => {
    const root = scroller();
    const calls = newCalls();
    render(<Feed calls={calls} root={root} total={25} />, { container: root });
    await expect.poll(() => screen.queryByText('No more items')).not.toBeNull();
    root.scrollTop = root.scrollHeight;
    await frame();
    await wait(200);
    expect(calls.total).toBe(3);
    expect(rows(root)).toBe(25);
  });

  it('aborts the load in flight through its AbortSignal on unmount', async () => {
    const root = scroller();
    const calls = newCalls();
    const { unmount } = render(<Feed calls={calls} root={root} delayMs={1000} />, { container: root });
    await expect.poll(() => calls.total).toBe(1);
    expect(calls.signals[0]!.aborted).toBe(false);
    unmount();
    expect(calls.signals[0]!.aborted).toBe(true);
  });

  it('marks the feed with role="feed" and aria-busy while a load is in flight', async () => {
    const root = scroller();
    render(<Feed calls={newCalls()} root={root} delayMs={300} />, { container: root });
    const feed = screen.getByRole('feed');
    await expect.poll(() => feed.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => feed.getAttribute('aria-busy')).toBe('false');
  });

  it('works with the window scrolling', async () => {
    const calls = newCalls();
    const host = document.createElement('div');
    document.body.append(host);
    render(<Feed calls={calls} pageSize={20} total={100} />, { container: host });
    await expect.poll(() => rows(host)).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < 200 && rows(host) < 100; i++) {
      window.scrollBy(0, 200);
      await frame();
    }
    await expect.poll(() => rows(host), { timeout: 10_000 }).toBe(100);
    expect(calls.maxInFlight).toBe(1);
  });

  it('shows a "Load more" button in manual mode and loads only when it is pressed', async () => {
    const root = scroller();
    const calls = newCalls();
    render(<Feed calls={calls} root={root} manual />, { container: root });
    await wait(200);
    expect(calls.total).toBe(0);
    await act(async () => screen.getByRole('button', { name: 'Load more' }).click());
    await expect.poll(() => rows(root)).toBe(10);
    expect(calls.total).toBe(1);
  });
});

describe('InfiniteScroll direction="up"', () => {
  it('opens at the newest item and keeps the first visible item within 1 px when older items are prepended', async () => {
    const root = scroller(400);
    const calls = newCalls();
    render(
      <Feed calls={calls} root={root} direction="up" prepend pageSize={20} rootMargin="0px" delayMs={100} />,
      {
        container: root,
      },
    );
    await expect.poll(() => rows(root)).toBe(20);
    // Opened at the end (the newest row 0 is last).
    expect(root.scrollTop).toBeGreaterThan(0);
    await wait(250);
    expect(calls.total).toBe(1);

    // Scroll up until row 15 is the first visible one, then to the top edge so a prepend is requested.
    const target = root.querySelector<HTMLElement>('[data-row="15"]')!;
    root.scrollTop = 0;
    await frame();
    const before = target.getBoundingClientRect().top;
    await expect.poll(() => rows(root)).toBe(40);
    expect(Math.abs(target.getBoundingClientRect().top - before)).toBeLessThanOrEqual(1);
    expect(root.scrollTop).toBeGreaterThan(0);
  });
});
