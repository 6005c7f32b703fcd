import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getObserverStats, LazyComponent } from '../../src';

const ROW_HEIGHT = 50;
const NativeObserver = window.IntersectionObserver;
let created = 0;
let observed = 0;
let unobserved = 0;

// Counts what the page asks of the real observer; every call still goes to Chromium's implementation.
class CountingObserver extends NativeObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    super(callback, options);
    created += 1;
  }
  override observe(target: Element) {
    observed += 1;
    super.observe(target);
  }
  override unobserve(target: Element) {
    unobserved += 1;
    super.unobserve(target);
  }
}

beforeEach(() => {
  created = 0;
  observed = 0;
  unobserved = 0;
  window.IntersectionObserver = CountingObserver;
});

afterEach(() => {
  cleanup();
  window.IntersectionObserver = NativeObserver;
});

function Feed({ count, root }: { count: number; root: HTMLElement | null }) {
  if (!root) return null;
  return (
    <>
      {Array.from({ length: count }, (_, index) => (
        <LazyComponent
          key={index}
          root={root}
          rootMargin="100px"
          minHeight={ROW_HEIGHT}
          placeholder={<span className="placeholder" />}
        >
          <div className="row" data-index={index} style={{ height: ROW_HEIGHT }}>
            row {index}
          </div>
        </LazyComponent>
      ))}
    </>
  );
}

function mountScroller(height: number) {
  const scroller = document.createElement('div');
  scroller.style.cssText = `height:${height}px;overflow:auto;width:300px`;
  document.body.append(scroller);
  const host = document.createElement('div');
  scroller.append(host);
  return { scroller, host };
}

function renderedRows(container: HTMLElement) {
  return [...container.querySelectorAll<HTMLElement>('.row')].map((row) => Number(row.dataset.index));
}

describe('LazyComponent in a scroll container', () => {
  it('creates one IntersectionObserver for 500 components and renders only those within rootMargin', async () => {
    const { scroller, host } = mountScroller(400);
    render(<Feed count={500} root={scroller} />, { container: host });

    // 400 px viewport + 100 px margin below = rows 0..9 (the 10th starts at 500 px, on the margin's edge).
    await expect.poll(() => renderedRows(host).length).toBeGreaterThan(0);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const rows = renderedRows(host);
    expect(Math.max(...rows)).toBeLessThanOrEqual(10);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(created).toBe(1);
    expect(observed).toBe(500);
    scroller.remove();
  });

  it('renders more as the user scrolls, and keeps what was rendered', async () => {
    const { scroller, host } = mountScroller(400);
    render(<Feed count={500} root={scroller} />, { container: host });
    await expect.poll(() => renderedRows(host).length).toBeGreaterThan(0);

    scroller.scrollTop = 5000; // rows 100..107 are in view
    await expect.poll(() => renderedRows(host).includes(105)).toBe(true);
    const rows = renderedRows(host);
    expect(rows).toContain(0);
    expect(rows).not.toContain(300);
    expect(created).toBe(1);
    scroller.remove();
  });

  it('leaves nothing observed once every component unmounts', async () => {
    const { scroller, host } = mountScroller(400);
    const { unmount } = render(<Feed count={500} root={scroller} />, { container: host });
    await expect.poll(() => renderedRows(host).length).toBeGreaterThan(0);
    expect(getObserverStats(scroller).observers).toBe(1);

    unmount();
    expect(getObserverStats(scroller)).toEqual({ observers: 0, elements: 0 });
    // Each component that rendered stopped observing itself; the rest stopped on unmount.
    expect(unobserved).toBe(observed);
    scroller.remove();
  });
});

describe('LazyComponent with load', () => {
  function chunkRequests() {
    return performance.getEntriesByType('resource').filter((entry) => entry.name.includes('HeavyChart'))
      .length;
  }

  it('fetches the component code only once the box is near the viewport', async () => {
    const { scroller, host } = mountScroller(300);
    render(
      <div>
        <div style={{ height: 2000 }} />
        <LazyComponent
          root={scroller}
          rootMargin="0px"
          minHeight={120}
          placeholder={<span>chart loading</span>}
          load={() => import('../fixtures/HeavyChart')}
          componentProps={{ label: 'sales' }}
        />
      </div>,
      { container: host },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chunkRequests()).toBe(0);
    expect(host.textContent).toContain('chart loading');

    await act(async () => {
      scroller.scrollTop = 1900;
    });
    await expect.poll(() => host.querySelector('[data-testid="heavy-chart"]')?.textContent).toBe('sales');
    expect(chunkRequests()).toBe(1);
    scroller.remove();
  });
});
