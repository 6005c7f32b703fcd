import { act, render } from '@testing-library/react';
import { createRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { VirtualList, type VirtualListHandle, type VirtualListState } from '../../src';
import { failOnConsole, firstVisible, nextFrame, scrollerOf, TextRow, topOf } from './support';

failOnConsole();

describe('given 100,000 fixed rows of 36 px', () => {
  it('keeps the DOM bounded to the rows in view plus overscan, wherever it is scrolled', async () => {
    const { container } = render(
      <VirtualList count={100_000} itemSize={36} height={600}>
        {(index) => `Row ${index}`}
      </VirtualList>,
    );
    await expect.poll(() => container.querySelectorAll('[data-index]').length).toBeGreaterThan(0);
    // 600 / 36 = 17 rows in view, + 2 overscan on each side.
    expect(container.querySelectorAll('[data-index]').length).toBeLessThanOrEqual(22);
    const scroller = scrollerOf(container);
    scroller.scrollTop = 1_800_000;
    await expect.poll(() => topOf(container, 50_000)).toBe(0);
    expect(container.querySelectorAll('[data-index]').length).toBeLessThanOrEqual(23);
    expect(scroller.scrollHeight).toBe(3_600_000);
  });
});

describe('given measured rows of 1 to 8 lines', () => {
  it('puts row 50,000 at the top within 1 px after scrollToIndex, though no row on the way was measured', async () => {
    const handle = createRef<VirtualListHandle>();
    const { container } = render(
      <VirtualList ref={handle} count={100_000} estimatedItemSize={100} height={600}>
        {(index) => <TextRow index={index} />}
      </VirtualList>,
    );
    await expect.poll(() => topOf(container, 0)).toBe(0);
    act(() => handle.current!.scrollToIndex(50_000, { align: 'start' }));
    await expect.poll(() => topOf(container, 50_000)).toBeDefined();
    await nextFrame();
    expect(Math.abs(topOf(container, 50_000)!)).toBeLessThanOrEqual(1);
  });
});

describe('given measured rows, scrolling up through rows never measured', () => {
  it('keeps the row the user looks at within 1 px of where the scroll puts it', async () => {
    const handle = createRef<VirtualListHandle>();
    const { container } = render(
      <VirtualList ref={handle} count={100_000} estimatedItemSize={100} height={600}>
        {(index) => <TextRow index={index} />}
      </VirtualList>,
    );
    await expect.poll(() => topOf(container, 0)).toBe(0);
    act(() => handle.current!.scrollToIndex(60_000, { align: 'start' }));
    await expect.poll(() => topOf(container, 60_000)).toBe(0);
    const scroller = scrollerOf(container);
    for (let step = 0; step < 12; step++) {
      const anchor = firstVisible(container);
      scroller.scrollTop -= 150;
      await nextFrame();
      await nextFrame();
      // The anchor moved down by exactly the distance scrolled, although rows above it got measured.
      expect(Math.abs(topOf(container, anchor.index)! - (anchor.top + 150))).toBeLessThanOrEqual(1);
    }
  });
});

describe('given a chat list', () => {
  function Chat({
    initial,
    handle,
  }: {
    initial: number;
    handle: { current: ((more: number, atStart: boolean) => void) | null };
  }) {
    const [ids, setIds] = useState(() => Array.from({ length: initial }, (_, index) => 1000 + index));
    handle.current = (more, atStart) =>
      setIds((current) =>
        atStart
          ? [...Array.from({ length: more }, (_, index) => current[0]! - more + index), ...current]
          : [
              ...current,
              ...Array.from({ length: more }, (_, index) => current[current.length - 1]! + 1 + index),
            ],
      );
    return (
      <VirtualList
        items={ids}
        getItemKey={(index) => ids[index]!}
        alignToBottom
        followOutput
        height={600}
        estimatedItemSize={60}
      >
        {(id) => <TextRow index={id} />}
      </VirtualList>
    );
  }

  it('starts at the end and follows appended messages while at the bottom', async () => {
    const add = { current: null as ((more: number, atStart: boolean) => void) | null };
    const { container } = render(<Chat initial={200} handle={add} />);
    const scroller = scrollerOf(container);
    const atBottom = () => Math.abs(scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop);
    await expect.poll(() => container.querySelector('[data-index="199"]')).not.toBeNull();
    await expect.poll(atBottom).toBeLessThanOrEqual(1);
    for (let round = 0; round < 3; round++) {
      act(() => add.current!(3, false));
      await nextFrame();
      await expect.poll(atBottom).toBeLessThanOrEqual(1);
      const last = container.querySelector(`[data-index="${202 + round * 3}"]`)!.getBoundingClientRect();
      expect(Math.abs(last.bottom - scroller.getBoundingClientRect().bottom)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the first visible message within 1 px when older messages are prepended', async () => {
    const add = { current: null as ((more: number, atStart: boolean) => void) | null };
    const { container } = render(<Chat initial={200} handle={add} />);
    const scroller = scrollerOf(container);
    await expect.poll(() => container.querySelector('[data-index="199"]')).not.toBeNull();
    scroller.scrollTop -= 2000;
    await nextFrame();
    await nextFrame();
    const before = firstVisible(container);
    const text = container.querySelector(`[data-index="${before.index}"]`)!.textContent;
    act(() => add.current!(50, true));
    await nextFrame();
    const after = firstVisible(container);
    expect(container.querySelector(`[data-index="${after.index}"]`)!.textContent).toBe(text);
    expect(after.index).toBe(before.index + 50);
    expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(1);
  });
});

describe('given a row whose image loads late', () => {
  it('pushes the rows below it down by the height the image added', async () => {
    const tall = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="240"></svg>')}`;
    const { container } = render(
      <VirtualList count={1000} estimatedItemSize={40} height={600}>
        {(index) => (
          <div style={{ padding: 4 }}>
            Row {index}
            {index === 2 && <img src={tall} alt="" style={{ display: 'block' }} />}
          </div>
        )}
      </VirtualList>,
    );
    await expect.poll(() => (container.querySelector('img') as HTMLImageElement | null)?.complete).toBe(true);
    await expect
      .poll(() => {
        const image = container.querySelector('[data-index="2"]')!.getBoundingClientRect();
        return Math.abs(
          topOf(container, 3)! - (image.bottom - scrollerOf(container).getBoundingClientRect().top),
        );
      })
      .toBeLessThanOrEqual(0.5);
    expect(container.querySelector('[data-index="2"]')!.getBoundingClientRect().height).toBeGreaterThan(240);
    // The rows that were pushed out of view are dropped, the view is still covered to the bottom.
    expect(topOf(container, 0)).toBe(0);
  });
});

describe('given the page scrolls (useWindowScroll) with a header above the list', () => {
  it('renders the rows under the viewport and only those', async () => {
    const { container } = render(
      <div>
        <header style={{ height: 300 }}>Shop header</header>
        <VirtualList count={10_000} itemSize={50} useWindowScroll>
          {(index) => `Product ${index}`}
        </VirtualList>
        <footer style={{ height: 100 }}>Footer</footer>
      </div>,
    );
    await expect.poll(() => container.querySelectorAll('[data-index]').length).toBeGreaterThan(0);
    expect(document.documentElement.scrollHeight).toBeGreaterThanOrEqual(300 + 500_000 + 100);
    window.scrollTo(0, 300 + 50 * 4000);
    await expect
      .poll(() => container.querySelector('[data-index="4000"]')?.getBoundingClientRect().top)
      .toBe(0);
    expect(container.querySelectorAll('[data-index]').length).toBeLessThanOrEqual(
      window.innerHeight / 50 + 6,
    );
    window.scrollTo(0, 0);
    await expect
      .poll(() => container.querySelector('[data-index="0"]')?.getBoundingClientRect().top)
      .toBe(300);
  });
});

describe('given 10,000,000 rows of 36 px (far past the tallest element Chromium lays out)', () => {
  it('shows the last row after scrollToIndex(last), and every row keeps its 36 px on screen', async () => {
    const handle = createRef<VirtualListHandle>();
    const { container } = render(
      <VirtualList ref={handle} count={10_000_000} itemSize={36} height={600}>
        {(index) => `Row ${index}`}
      </VirtualList>,
    );
    const scroller = scrollerOf(container);
    await expect.poll(() => topOf(container, 0)).toBe(0);
    expect(scroller.scrollHeight).toBeLessThan(33_554_428);
    act(() => handle.current!.scrollToIndex(9_999_999, { align: 'end' }));
    await expect.poll(() => container.querySelector('[data-index="9999999"]')).not.toBeNull();
    await nextFrame();
    expect(topOf(container, 9_999_999)).toBe(600 - 36);
    expect(topOf(container, 9_999_998)).toBe(600 - 72);
    act(() => handle.current!.scrollToIndex(5_000_000));
    await expect.poll(() => topOf(container, 5_000_000)).toBe(0);
    expect(topOf(container, 5_000_001)).toBe(36);
    // The scrollbar reaches the end as well.
    scroller.scrollTop = scroller.scrollHeight;
    await expect.poll(() => topOf(container, 9_999_999)).toBe(600 - 36);
  });
});

describe('given a saved state', () => {
  it('renders the same rows at the same place when restored from getState()', async () => {
    const handle = createRef<VirtualListHandle>();
    const list = (state?: VirtualListState) => (
      <VirtualList ref={handle} count={5000} estimatedItemSize={100} height={600} initialState={state}>
        {(index) => <TextRow index={index} />}
      </VirtualList>
    );
    const first = render(list());
    await expect.poll(() => topOf(first.container, 0)).toBe(0);
    act(() => handle.current!.scrollToIndex(1234));
    await expect.poll(() => topOf(first.container, 1234)).toBe(0);
    scrollerOf(first.container).scrollTop += 77;
    await nextFrame();
    await nextFrame();
    const before = firstVisible(first.container);
    const state = handle.current!.getState();
    first.unmount();

    const second = render(list(state));
    // Checked right after the commit, before any frame: no jump is ever painted.
    const after = firstVisible(second.container);
    expect(after.index).toBe(before.index);
    expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(1);
  });
});

describe('given a smooth scrollToIndex through measured rows', () => {
  it('animates there and then lands exactly on the row', async () => {
    const handle = createRef<VirtualListHandle>();
    const { container } = render(
      <VirtualList ref={handle} count={10_000} estimatedItemSize={100} height={600}>
        {(index) => <TextRow index={index} />}
      </VirtualList>,
    );
    await expect.poll(() => topOf(container, 0)).toBe(0);
    act(() => handle.current!.scrollToIndex(300, { behavior: 'smooth' }));
    await expect.poll(() => topOf(container, 300), { timeout: 5000 }).toBe(0);
  });
});
