import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { VirtualList } from '../../src';
import { failOnConsole, nextFrame, scrollerOf, TextRow, topOf } from './support';

failOnConsole();

const frames = async (count: number) => {
  for (let frame = 0; frame < count; frame++) await nextFrame();
};

describe('given the page scrolls with content above and below a list of measured rows', () => {
  function Page({ count, footer = 100 }: { count: number; footer?: number }) {
    const [tick, setTick] = useState(0);
    return (
      <div>
        <header style={{ height: 300 }}>
          <button type="button" onClick={() => setTick(tick + 1)}>
            render again {tick}
          </button>
        </header>
        <VirtualList count={count} estimatedItemSize={80} useWindowScroll>
          {(index) => <TextRow index={index} />}
        </VirtualList>
        <footer style={{ height: footer }}>Footer</footer>
      </div>
    );
  }

  it('leaves the page where it is while its top is still in view, on mount and on every render', async () => {
    window.scrollTo(0, 0);
    const { container, getByRole } = render(<Page count={5000} />);
    await expect.poll(() => container.querySelectorAll('[data-index]').length).toBeGreaterThan(0);
    await frames(5);
    expect(window.scrollY).toBe(0);
    window.scrollTo(0, 120);
    await frames(3);
    act(() => getByRole('button').click());
    await frames(5);
    expect(window.scrollY).toBe(120);
  });

  it('leaves the page where it is when the reader has scrolled past the end of the list', async () => {
    const { container, getByRole } = render(<Page count={30} footer={3000} />);
    await expect.poll(() => container.querySelectorAll('[data-index]').length).toBeGreaterThan(0);
    const below = document.documentElement.scrollHeight - window.innerHeight - 200;
    window.scrollTo(0, below);
    await frames(5);
    // What the reader sees is the footer: it stays where it is on screen (the browser may adjust scrollY to
    // keep it there while rows above it are measured, which is not a jump).
    const footer = () => container.querySelector('footer')!.getBoundingClientRect().top;
    const seen = footer();
    expect(seen).toBeLessThan(window.innerHeight);
    act(() => getByRole('button').click());
    await frames(5);
    expect(Math.abs(footer() - seen)).toBeLessThanOrEqual(1);
    window.scrollTo(0, 0);
  });
});

describe('given a chat list that mounts before its first messages arrive', () => {
  function Chat({ handle }: { handle: { current: ((count: number) => void) | null } }) {
    const [count, setCount] = useState(0);
    handle.current = setCount;
    return (
      <VirtualList count={count} alignToBottom followOutput height={500} estimatedItemSize={60}>
        {(index) => <TextRow index={index} />}
      </VirtualList>
    );
  }

  it('opens at the newest message once they arrive', async () => {
    const load = { current: null as ((count: number) => void) | null };
    const { container } = render(<Chat handle={load} />);
    await frames(2);
    act(() => load.current!(200));
    const scroller = scrollerOf(container);
    await expect.poll(() => container.querySelector('[data-index="199"]')).not.toBeNull();
    await expect
      .poll(() => Math.abs(scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop))
      .toBeLessThanOrEqual(1);
  });
});

describe('given a focused group header whose group scrolls by', () => {
  it('renders it once, stuck at the top and still focused', async () => {
    const { container } = render(
      <VirtualList count={120} itemSize={30} height={300} groups={[60, 60]}>
        {(index) => (
          <button type="button">{index % 60 === 0 ? `Group ${index / 60}` : `Item ${index}`}</button>
        )}
      </VirtualList>,
    );
    await expect.poll(() => container.querySelector('[data-index="0"] button')).not.toBeNull();
    const header = container.querySelector<HTMLButtonElement>('[data-index="0"] button')!;
    header.focus();
    scrollerOf(container).scrollTop = 30 * 20;
    await expect.poll(() => topOf(container, 25)).toBe(150);
    expect(container.querySelectorAll('[data-index="0"]').length).toBe(1);
    expect(topOf(container, 0)).toBe(0);
    expect(document.activeElement).toBe(header);
  });
});

describe('given a list whose box is resized', () => {
  it('renders the rows the taller box shows (the viewport is read again after a resize)', async () => {
    function Resizable({ height }: { height: number }) {
      return (
        <div style={{ height }}>
          <VirtualList count={1000} itemSize={40} overscan={0}>
            {(index) => `Row ${index}`}
          </VirtualList>
        </div>
      );
    }
    const { container, rerender } = render(<Resizable height={200} />);
    const rows = () => container.querySelectorAll('[data-index]').length;
    await expect.poll(rows).toBe(5);
    rerender(<Resizable height={600} />);
    await expect.poll(rows).toBe(15);
  });
});

describe('given a list that switches from its own box to the window scrolling', () => {
  it('renders the rows the window shows, not the ones its old box showed', async () => {
    window.scrollTo(0, 0);
    function Switching({ page }: { page: boolean }) {
      return (
        <div style={page ? undefined : { height: 120 }}>
          <VirtualList count={1000} itemSize={40} overscan={0} useWindowScroll={page}>
            {(index) => `Row ${index}`}
          </VirtualList>
        </div>
      );
    }
    const { container, rerender } = render(<Switching page={false} />);
    const rows = () => container.querySelectorAll('[data-index]').length;
    await expect.poll(rows).toBe(3);
    rerender(<Switching page />);
    await expect.poll(rows).toBe(Math.ceil(window.innerHeight / 40));
  });
});
