import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyImage } from '../../src';

afterEach(() => cleanup());

describe('given no IntersectionObserver', () => {
  it('leaves the loading to native loading="lazy" so the image still loads', () => {
    expect('IntersectionObserver' in window).toBe(false);
    const { container } = render(<LazyImage src="/a.jpg" alt="A" width={300} height={200} />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/a.jpg');
    expect(img.getAttribute('loading')).toBe('lazy');
  });
});

describe('given a bad retry', () => {
  it.each([-1, 1.5, Number.NaN])('throws a sentence naming retry for %s', (retry) => {
    expect(() => render(<LazyImage src="/a.jpg" alt="" width={1} height={1} retry={retry} />)).toThrow(
      `LazyImage: Expected a whole number such as 2 for retry but received ${retry} of type number.`,
    );
  });
});
