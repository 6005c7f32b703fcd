import { act, render } from '@testing-library/react';
import { createRef, memo } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { VirtualGrid, VirtualList, type VirtualListHandle } from '../../src';
import { failOnConsole, nextFrame, scrollerOf, TextRow, topOf } from './support';

failOnConsole();

describe('given a focused row', () => {
  it('keeps focus on it while it is scrolled far out of view, and it is still there when scrolled back', async () => {
    const { container } = render(
      <VirtualList count={10_000} itemSize={40} height={400}>
        {(index) => <button type="button">Open {index}</button>}
      </VirtualList>,
    );
    await expect.poll(() => container.querySelector('[data-index="3"] button')).not.toBeNull();
    const button = container.querySelector<HTMLButtonElement>('[data-index="3"] button')!;
    button.focus();
    const scroller = scrollerOf(container);
    scroller.scrollTop = 200_000;
    await expect.poll(() => topOf(container, 5000)).toBe(0);
    expect(document.activeElement).toBe(button);
    expect(button.isConnected).toBe(true);
    expect(container.querySelectorAll('[data-index]').length).toBeLessThanOrEqual(16);
    scroller.scrollTop = 0;
    await expect.poll(() => topOf(container, 3)).toBe(120);
    expect(document.activeElement).toBe(button);
  });
});

describe('given keyboard users', () => {
  it('scrolls the list with Page Down once it has focus', async () => {
    const { container } = render(
      <VirtualList count={10_000} itemSize={40} height={400} aria-label="Results">
        {(index) => `Result ${index}`}
      </VirtualList>,
    );
    const scroller = scrollerOf(container);
    scroller.focus();
    await userEvent.keyboard('{PageDown}');
    await expect.poll(() => scroller.scrollTop).toBeGreaterThan(200);
    await expect.poll(() => firstRowIndex(container)).toBeGreaterThan(4);
  });

  it('exposes a list with aria-setsize and aria-posinset on each row', async () => {
    const { container } = render(
      <VirtualList count={500} itemSize={40} height={400} aria-label="Results">
        {(index) => `Result ${index}`}
      </VirtualList>,
    );
    await expect.poll(() => container.querySelector('[role="listitem"]')).not.toBeNull();
    const list = container.querySelector('[role="list"]')!;
    expect(list.getAttribute('aria-label')).toBe('Results');
    const row = list.querySelector('[data-index="2"]')!;
    expect(row.getAttribute('role')).toBe('listitem');
    expect(row.getAttribute('aria-setsize')).toBe('500');
    expect(row.getAttribute('aria-posinset')).toBe('3');
  });
});

function firstRowIndex(container: Element) {
  const scrollerTop = scrollerOf(container).getBoundingClientRect().top;
  const rows = [...container.querySelectorAll<HTMLElement>('[data-index]')].filter(
    (row) => row.getBoundingClientRect().bottom > scrollerTop + 1,
  );
  return Math.min(...rows.map((row) => Number(row.dataset.index)));
}

describe('given group headers', () => {
  it('keeps the header of the group in view stuck to the top', async () => {
    const groups = [30, 30, 30, 30];
    const { container } = render(
      <VirtualList count={120} itemSize={30} height={300} groups={groups}>
        {(index) => (
          <div style={{ background: index % 30 === 0 ? '#333' : '#fff', height: 30 }}>
            {index % 30 === 0 ? `Group ${index / 30}` : `Item ${index}`}
          </div>
        )}
      </VirtualList>,
    );
    const scroller = scrollerOf(container);
    await expect.poll(() => topOf(container, 0)).toBe(0);
    scroller.scrollTop = 30 * 40;
    // Group 1 starts at row 30: its header is no longer in the rendered range but stays at the top.
    await expect.poll(() => topOf(container, 30)).toBe(0);
    expect(topOf(container, 41)).toBe(30);
    const atTop = document.elementFromPoint(
      scroller.getBoundingClientRect().left + 20,
      scroller.getBoundingClientRect().top + 10,
    );
    expect(atTop?.textContent).toBe('Group 1');
    scroller.scrollTop = 30 * 95;
    await expect.poll(() => topOf(container, 90)).toBe(0);
  });
});

describe('given horizontal', () => {
  it('lays items out in a row and renders only those in view', async () => {
    const { container } = render(
      <div style={{ width: 500 }}>
        <VirtualList count={1000} itemSize={100} height={120} horizontal>
          {(index) => `Card ${index}`}
        </VirtualList>
      </div>,
    );
    await expect.poll(() => container.querySelectorAll('[data-index]').length).toBeGreaterThan(0);
    const scroller = scrollerOf(container);
    expect(scroller.clientWidth).toBe(500);
    expect(scroller.getBoundingClientRect().height).toBe(120);
    // 500 / 100 = 5 in view, + 2 overscan on each side.
    expect(container.querySelectorAll('[data-index]').length).toBeLessThanOrEqual(10);
    scroller.scrollLeft = 100 * 500;
    await expect
      .poll(() => container.querySelector('[data-index="500"]')?.getBoundingClientRect().left)
      .toBe(scroller.getBoundingClientRect().left);
  });
});

describe('given rows that render expensive content', () => {
  it('does not re-render rows already on screen while scrolling', async () => {
    const renders = new Map<number, number>();
    const Cell = memo(function Cell({ index }: { index: number }) {
      renders.set(index, (renders.get(index) ?? 0) + 1);
      return <span>Row {index}</span>;
    });
    const children = (index: number) => <Cell index={index} />;
    const { container } = render(
      <VirtualList count={10_000} itemSize={40} height={400}>
        {children}
      </VirtualList>,
    );
    await expect.poll(() => topOf(container, 0)).toBe(0);
    const scroller = scrollerOf(container);
    for (let step = 1; step <= 10; step++) {
      scroller.scrollTop = step * 17;
      await nextFrame();
    }
    await expect.poll(() => topOf(container, 4)).toBe(-10);
    expect(Math.max(...renders.values())).toBe(1);
  });
});

describe('given a jump into unmeasured rows', () => {
  it('covers the whole view in the first frame after the scroll event', async () => {
    const { container } = render(
      <VirtualList count={100_000} estimatedItemSize={100} height={600}>
        {(index) => <TextRow index={index} />}
      </VirtualList>,
    );
    await expect.poll(() => topOf(container, 0)).toBe(0);
    const scroller = scrollerOf(container);
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop = scroller.scrollHeight / 2;
    // The rAF callback runs after the scroll event and before paint: what it sees is what is painted.
    await new Promise<void>((done) => {
      scroller.addEventListener('scroll', () => done(), { once: true });
    });
    await nextFrame();
    for (let y = box.top + 5; y < box.bottom; y += 40) {
      expect(document.elementFromPoint(box.left + 40, y)?.closest('[data-index]')).not.toBeNull();
    }
  });

  it('ends flush with the last row after a scrollbar jump to the end', async () => {
    const { container } = render(
      <VirtualList count={100_000} estimatedItemSize={100} height={600}>
        {(index) => <TextRow index={index} />}
      </VirtualList>,
    );
    await expect.poll(() => topOf(container, 0)).toBe(0);
    const scroller = scrollerOf(container);
    scroller.scrollTop = scroller.scrollHeight;
    await expect.poll(() => container.querySelector('[data-index="99999"]')).not.toBeNull();
    await nextFrame();
    const last = container.querySelector('[data-index="99999"]')!.getBoundingClientRect();
    expect(Math.abs(last.bottom - scroller.getBoundingClientRect().bottom)).toBeLessThanOrEqual(1);
  });
});

describe('given infinite loading', () => {
  it('calls onEndReached once per item count, also when the items do not fill the view', async () => {
    const reached: number[] = [];
    const { rerender, container } = render(
      <VirtualList count={5} itemSize={40} height={400} onEndReached={() => reached.push(5)}>
        {(index) => `Item ${index}`}
      </VirtualList>,
    );
    await expect.poll(() => reached).toEqual([5]);
    rerender(
      <VirtualList
        count={100}
        itemSize={40}
        height={400}
        onEndReached={() => reached.push(100)}
        threshold={100}
      >
        {(index) => `Item ${index}`}
      </VirtualList>,
    );
    await nextFrame();
    expect(reached).toEqual([5]);
    scrollerOf(container).scrollTop = 40 * 100 - 400 - 50;
    await expect.poll(() => reached).toEqual([5, 100]);
  });

  it('reports the range in view through onRangeChange', async () => {
    const ranges: Array<[number, number]> = [];
    const handle = createRef<VirtualListHandle>();
    render(
      <VirtualList
        ref={handle}
        count={1000}
        itemSize={40}
        height={400}
        onRangeChange={(range) => ranges.push([range.startIndex, range.endIndex])}
      >
        {(index) => `Item ${index}`}
      </VirtualList>,
    );
    await expect.poll(() => ranges.at(-1)).toEqual([0, 9]);
    act(() => handle.current!.scrollToIndex(500));
    await expect.poll(() => ranges.at(-1)).toEqual([500, 509]);
  });
});

describe('VirtualGrid', () => {
  it('fits as many columns as minColumnWidth allows and renders only the rows in view', async () => {
    const { container } = render(
      <div style={{ width: 800 }}>
        <VirtualGrid count={10_000} minColumnWidth={190} rowHeight={200} gap={10} height={600}>
          {(index) => <div style={{ height: 200 }}>Product {index}</div>}
        </VirtualGrid>
      </div>,
    );
    await expect.poll(() => container.querySelectorAll('[role="gridcell"]').length).toBeGreaterThan(0);
    const grid = container.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-colcount')).toBe('4');
    expect(grid.getAttribute('aria-rowcount')).toBe('2500');
    expect(container.querySelectorAll('[role="row"]').length).toBeLessThanOrEqual(8);
    const handle = container.querySelector('[tabindex="0"]') as HTMLElement;
    handle.scrollTop = 210 * 1000;
    await expect
      .poll(() => container.querySelector('[data-index="1000"]')?.textContent)
      .toContain('Product 4000');
  });

  it('measures rows when no rowHeight is given, and scrolls with the page', async () => {
    const handle = createRef<VirtualListHandle>();
    const { container } = render(
      <div style={{ width: 600 }}>
        <div style={{ height: 200 }}>Header</div>
        <VirtualGrid ref={handle} count={3000} columns={3} estimatedRowHeight={100} useWindowScroll>
          {(index) => <div style={{ height: 150 }}>Photo {index}</div>}
        </VirtualGrid>
      </div>,
    );
    await expect.poll(() => container.querySelectorAll('[role="row"]').length).toBeGreaterThan(0);
    act(() => handle.current!.scrollToIndex(300));
    await expect
      .poll(() => container.querySelector('[data-index="300"]')?.getBoundingClientRect().top)
      .toBe(0);
    expect(window.scrollY).toBeGreaterThan(200 + 100 * 300);
    expect(container.querySelector('[data-index="300"]')!.textContent).toContain('Photo 900');
    window.scrollTo(0, 0);
  });

  it('keeps the first visible row within 1 px when whole rows of items are prepended', async () => {
    const products = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, offset) => ({ id: from + offset }));
    function Shop({ items }: { items: Array<{ id: number }> }) {
      return (
        <VirtualGrid
          items={items}
          columns={3}
          estimatedRowHeight={100}
          height={600}
          getItemKey={(index) => items[index]!.id}
        >
          {(product) => <div style={{ height: 120 + (product.id % 4) * 10 }}>Product {product.id}</div>}
        </VirtualGrid>
      );
    }
    const { container, rerender } = render(<Shop items={products(0, 900)} />);
    await expect.poll(() => container.querySelectorAll('[role="row"]').length).toBeGreaterThan(0);
    scrollerOf(container).scrollTop = 6000;
    await nextFrame();
    await nextFrame();
    const scrollerTop = scrollerOf(container).getBoundingClientRect().top;
    const firstVisible = () =>
      [...container.querySelectorAll<HTMLElement>('[role="row"]')].find(
        (row) => row.getBoundingClientRect().bottom > scrollerTop + 1,
      )!;
    const before = firstVisible();
    const text = before.textContent;
    const top = before.getBoundingClientRect().top;
    // 30 older products: 10 rows of 3 above what the user looks at.
    rerender(<Shop items={products(-30, 900)} />);
    await nextFrame();
    const after = firstVisible();
    expect(after.textContent).toBe(text);
    expect(Math.abs(after.getBoundingClientRect().top - top)).toBeLessThanOrEqual(1);
  });
});
