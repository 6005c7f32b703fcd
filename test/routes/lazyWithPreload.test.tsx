import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isChunkLoadError, lazyWithPreload, loadChunk, preloadOnIdle } from '../../src';

const chromium = new TypeError(
  'Failed to fetch dynamically imported module: https://app.test/assets/Page-1a2b.js',
);

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'connection');
  vi.useRealTimers();
});

describe('isChunkLoadError', () => {
  it.each([
    ['Chromium', chromium],
    ['Firefox', new TypeError('error loading dynamically imported module: https://app.test/assets/Page.js')],
    ['Safari', new TypeError('Importing a module script failed.')],
    ['Vite CSS preload', new Error('Unable to preload CSS for /assets/Page.css')],
    ['webpack', Object.assign(new Error('Loading chunk 42 failed.'), { name: 'ChunkLoadError' })],
  ])('recognises the %s wording', (_name, error) => {
    expect(isChunkLoadError(error)).toBe(true);
  });

  it('does not take other errors for chunk errors', () => {
    expect(isChunkLoadError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
  });
});

describe('lazyWithPreload', () => {
  it('returns the same promise from every preload() and renders without suspending once loaded', async () => {
    const Page = () => <h1>Loaded page</h1>;
    const load = vi.fn(async () => ({ default: Page }));
    const Lazy = lazyWithPreload(load);
    const first = Lazy.preload();
    expect(Lazy.preload()).toBe(first);
    await first;
    render(
      <Suspense fallback={<p>suspended</p>}>
        <Lazy />
      </Suspense>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Loaded page');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('can preload again after a failure instead of keeping the rejection forever', async () => {
    const Page = () => <h1>Second try</h1>;
    const load = vi
      .fn<() => Promise<{ default: typeof Page }>>()
      .mockRejectedValueOnce(new Error('server down'))
      .mockResolvedValue({ default: Page });
    const Lazy = lazyWithPreload(load);
    await expect(Lazy.preload()).rejects.toThrow('server down');
    await expect(Lazy.preload()).resolves.toBe(Page);
    render(<Lazy />);
    expect(screen.getByRole('heading').textContent).toBe('Second try');
  });
});

describe('loadChunk', () => {
  // The error names no URL here (Safari's wording), so each retry calls `load` again; where it names one,
  // the retry imports that URL afresh, which the Vite-built fixture app tests in Chromium.
  const safari = new TypeError('Importing a module script failed.');

  it('retries a chunk error and throws other errors at once', async () => {
    const load = vi.fn().mockRejectedValueOnce(safari).mockRejectedValueOnce(safari).mockResolvedValue('ok');
    await expect(loadChunk(load, { retries: 2, retryDelay: 1 })).resolves.toBe('ok');
    expect(load).toHaveBeenCalledTimes(3);

    const broken = vi.fn().mockRejectedValue(new SyntaxError('Unexpected token'));
    await expect(loadChunk(broken, { retries: 2, retryDelay: 1 })).rejects.toThrow('Unexpected token');
    expect(broken).toHaveBeenCalledTimes(1);
  });

  it('throws the chunk error after the retries when reloading is off', async () => {
    const load = vi.fn().mockRejectedValue(safari);
    await expect(loadChunk(load, { retries: 1, retryDelay: 1, reload: false })).rejects.toBe(safari);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('preloadOnIdle', () => {
  it('preloads one target after another when idle', async () => {
    const order: string[] = [];
    const target = (name: string) => ({ preload: async () => void order.push(name) });
    preloadOnIdle([target('a'), target('b'), () => order.push('c')]);
    await vi.waitFor(() => expect(order).toEqual(['a', 'b', 'c']));
  });

  it('preloads nothing under Save-Data', async () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    const preload = vi.fn(async () => {});
    preloadOnIdle([{ preload }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(preload).not.toHaveBeenCalled();
  });

  it('stops when cancelled', async () => {
    const preload = vi.fn(async () => {});
    const cancel = preloadOnIdle([{ preload }]);
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(preload).not.toHaveBeenCalled();
  });
});
