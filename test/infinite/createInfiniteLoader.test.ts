import { describe, expect, it } from 'vitest';
import { createInfiniteLoader, type InfiniteLoaderState } from '../../src/infinite/createInfiniteLoader';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createInfiniteLoader', () => {
  it('ignores a request made from a view that predates the last successful load, and accepts a current one', async () => {
    let calls = 0;
    const states: InfiniteLoaderState[] = [];
    const loader = createInfiniteLoader({
      loadMore: () => {
        calls += 1;
      },
      autoRetry: 0,
      retryDelay: 0,
      onChange: (state) => states.push(state),
    });
    loader.load(0);
    await settled();
    expect(calls).toBe(1);
    expect(states.at(-1)?.loaded).toBe(1);
    // Seen before the first page was rendered: the caller would ask for that page again.
    loader.load(0);
    await settled();
    expect(calls).toBe(1);
    loader.load(1);
    await settled();
    expect(calls).toBe(2);
    // A caller that does not say what it has seen (a button, retry()) always loads.
    loader.load();
    await settled();
    expect(calls).toBe(3);
  });

  it('drops a scheduled retry once hasMore turns false, so a finished feed asks for nothing more', async () => {
    let calls = 0;
    const options = {
      loadMore: () => {
        calls += 1;
        throw new Error('offline');
      },
      hasMore: true,
      retryDelay: 10,
      onChange: () => {},
    };
    const loader = createInfiniteLoader(options);
    loader.load();
    await settled();
    expect(calls).toBe(1);
    // The app learns meanwhile (from another request, say) that there is nothing left to load.
    options.hasMore = false;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(1);
    loader.load();
    await settled();
    expect(calls).toBe(1);
  });
});
