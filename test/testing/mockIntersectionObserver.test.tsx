import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyComponent, LazyImage, useLazyLoad } from '../../src';
import { type IntersectionObserverMock, mockIntersectionObserver } from '../../src/testing';

let io: IntersectionObserverMock | undefined;

afterEach(() => {
  cleanup();
  io?.restore();
  io = undefined;
});

describe('mockIntersectionObserver', () => {
  it('makes LazyComponent wait for enter() in jsdom, where it would otherwise render at once', () => {
    io = mockIntersectionObserver();
    render(
      <LazyComponent placeholder={<p>placeholder</p>} minHeight={100} data-testid="box">
        <p>content</p>
      </LazyComponent>,
    );
    expect(screen.queryByText('content')).toBeNull();
    io.enterAll();
    expect(screen.getByText('content')).toBeTruthy();
  });

  it('reports enter and leave for one element to a hook that keeps watching', () => {
    io = mockIntersectionObserver();
    const changes = vi.fn();
    function Probe() {
      const { ref, isVisible } = useLazyLoad<HTMLDivElement>({ once: false, onChange: changes });
      return (
        <div ref={ref} data-testid="probe">
          {String(isVisible)}
        </div>
      );
    }
    render(<Probe />);
    const probe = screen.getByTestId('probe');
    expect(probe.textContent).toBe('false');
    io.enter(probe);
    expect(probe.textContent).toBe('true');
    io.leave(probe);
    expect(probe.textContent).toBe('false');
    expect(changes.mock.calls.map(([visible]) => visible)).toEqual([true, false]);
  });

  it('shows the shared pool: many images, one observer, and nothing observed after unmount', () => {
    io = mockIntersectionObserver();
    const { container, unmount } = render(
      Array.from({ length: 20 }, (_, index) => (
        <LazyImage key={index} src={`/${index}.jpg`} alt={`photo ${index}`} width={40} height={40} />
      )),
    );
    expect(io.observers()).toEqual([{ rootMargin: '2500px', thresholds: [0], root: null, targets: 20 }]);
    expect(container.querySelectorAll('img')).toHaveLength(0);
    unmount();
    expect(io.observers()).toHaveLength(0);
  });

  it('loads an image once enter() reports its box near', async () => {
    io = mockIntersectionObserver();
    const { container } = render(<LazyImage src="/near.jpg" alt="near" width={40} height={40} />);
    expect(screen.queryByAltText('near')).toBeNull();
    io.enter(container.firstElementChild!);
    expect((await screen.findByAltText('near')).getAttribute('src')).toBe('/near.jpg');
  });

  it('restore() puts back the environment as it was', () => {
    const before = (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
    mockIntersectionObserver().restore();
    expect((globalThis as { IntersectionObserver?: unknown }).IntersectionObserver).toBe(before);
  });
});
