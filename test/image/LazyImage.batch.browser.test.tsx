import { cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyImage } from '../../src';
import { imageServer, nextFrames } from './support';

// Its own file: the "has the user scrolled yet" state is per page, and this test starts before any scroll.
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const ROW = 100;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);
const requestedIndexes = (log: string[]) =>
  log.map((url) => Number(new URL(url, location.href).searchParams.get('i'))).sort((a, b) => a - b);

describe('LazyImage while the user scrolls', () => {
  it('starts the images the first scroll brings within rootMargin at once, and those that come later together in one render', async () => {
    const server = imageServer();
    const scroller = document.createElement('div');
    scroller.style.cssText = 'height:400px;width:400px;overflow:auto';
    document.body.append(scroller);
    const host = document.createElement('div');
    scroller.append(host);
    let commits = 0;
    render(
      <Profiler id="grid" onRender={() => commits++}>
        {range(0, 100).map((index) => (
          <LazyImage
            key={index}
            root={scroller}
            rootMargin="300px"
            src={server.url('ok', `photo-${(index % 4) + 1}.jpg`, `?i=${index}`)}
            alt=""
            width={400}
            height={ROW}
            style={{ display: 'block' }}
          />
        ))}
      </Profiler>,
      { container: host },
    );
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 4));
    // Only the images' own timers: React, the observer and the test server keep real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    // The first scroll (150 px) releases rows 4-8 (within 850 px): they are about to be seen, so no waiting.
    scroller.scrollTop = 150;
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 9));

    // Further scrolls bring rows 9-11, then 12-13 within rootMargin in frames of their own: they wait.
    const before = commits;
    scroller.scrollTop = 450;
    await nextFrames(3);
    scroller.scrollTop = 650;
    await nextFrames(3);
    expect(requestedIndexes(await server.log())).toEqual(range(0, 9));
    expect(commits).toBe(before);

    // 100 ms later they start together: one render for all five.
    vi.advanceTimersByTime(100);
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 14));
    expect(commits).toBe(before + 1);
    scroller.remove();
  });

  it('neither requests nor reports visible an image unmounted while it waited to start', async () => {
    const server = imageServer();
    const scroller = document.createElement('div');
    scroller.style.cssText = 'height:400px;width:400px;overflow:auto';
    document.body.append(scroller);
    const host = document.createElement('div');
    scroller.append(host);
    const visible: number[] = [];
    const images = (count: number) =>
      range(0, count).map((index) => (
        <LazyImage
          key={index}
          root={scroller}
          rootMargin="300px"
          src={server.url('ok', `photo-${(index % 4) + 1}.jpg`, `?i=${index}`)}
          alt=""
          width={400}
          height={ROW}
          style={{ display: 'block' }}
          onVisible={() => visible.push(index)}
        />
      ));
    const { rerender } = render(images(30), { container: host });
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 4));
    // A first scroll (if the test above has not scrolled already) lets rows 4-7 within rootMargin load.
    scroller.scrollTop = 1;
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 8));

    // Rows 8-10 come within rootMargin and wait to start; all but row 8 are unmounted meanwhile.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    scroller.scrollTop = 300;
    await nextFrames(3);
    rerender(images(9));
    vi.advanceTimersByTime(100);
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 9));
    await nextFrames(3);
    expect(requestedIndexes(await server.log())).toEqual(range(0, 9));
    expect(visible.sort((a, b) => a - b)).toEqual(range(0, 9));
    scroller.remove();
  });
});
