import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LazyComponent, useLazyLoad } from '../../src';

// jsdom has no IntersectionObserver, like an old browser or a test environment.
describe('given no IntersectionObserver', () => {
  it('renders LazyComponent children at once instead of hiding them forever', async () => {
    expect(typeof window.IntersectionObserver).toBe('undefined');
    render(
      <LazyComponent placeholder={<span>waiting</span>} minHeight={100}>
        <p>content</p>
      </LazyComponent>,
    );
    expect(await screen.findByText('content')).toBeTruthy();
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('reports visible from useLazyLoad and calls onChange once', async () => {
    const changes: boolean[] = [];
    function Probe() {
      const { ref, isVisible } = useLazyLoad<HTMLDivElement>({
        onChange: (visible) => changes.push(visible),
      });
      return <div ref={ref}>{isVisible ? 'visible' : 'hidden'}</div>;
    }
    render(<Probe />);
    expect(await screen.findByText('visible')).toBeTruthy();
    expect(changes).toEqual([true]);
  });

  it('does not report visible while skip is set', async () => {
    function Probe() {
      const { ref, isVisible } = useLazyLoad<HTMLDivElement>({ skip: true });
      return <div ref={ref}>{isVisible ? 'visible' : 'hidden'}</div>;
    }
    render(<Probe />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('hidden')).toBeTruthy();
  });
});

describe('given bad options', () => {
  it('throws a clear error from the component that was given them', () => {
    function Probe() {
      useLazyLoad({ rootMargin: '200' });
      return null;
    }
    // React logs the error it rethrows; the assertion is on the message the user sees.
    const original = console.error;
    console.error = () => {};
    try {
      expect(() => render(<Probe />)).toThrow(
        /useLazyLoad: Expected a CSS margin .* for rootMargin but received "200"/,
      );
    } finally {
      console.error = original;
    }
  });
});
