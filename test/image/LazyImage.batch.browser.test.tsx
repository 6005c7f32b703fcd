import { cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyImage } from '../../src';
import { imageServer, nextFrames } from './support';

// Its own file: the "has the user scrolled yet" state is per page, and the first test starts before any scroll.
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  document.querySelector('[data-scroller]')?.remove();
});

const ROW = 100;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

/**
 * A 400 px scroll container of images 100 px high, watched 300 px ahead; `images(count)` renders the first
 * `count` of them (with React's commits counted), `requested()` lists the indexes the server was asked for.
 */
function gallery() {
  const server = imageServer();
  const scroller = document.createElement('div');
  scroller.dataset.scroller = '';
  scroller.style.cssText = 'height:400px;width:400px;overflow:auto';
  document.body.append(scroller);
  const host = document.createElement('div');
  scroller.append(host);
  const counts = { commits: 0 };
  const visible: number[] = [];
  const images = (count: number) => (
    <Profiler id="gallery" onRender={() => counts.commits++}>
      {range(0, count).map((index) => (
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
      ))}
    </Profiler>
  );
  const requested = async () =>
    (await server.log())
      .map((url) => Number(new URL(url, location.href).searchParams.get('i')))
      .sort((a, b) => a - b);
  return { scroller, host, counts, visible, images, requested };
}

// Only the images' own timers are faked: React, the observer and the test server keep real time. Polls
// (`expect.poll`) advance fake timers, so what must happen without the timers is awaited in frames.
const fakeImageTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

/** Waits up to `frames` animation frames for `check` to hold, and says whether it does. */
async function withinFrames(check: () => boolean, frames = 30) {
  for (let left = frames; left > 0 && !check(); left--) await nextFrames(1);
  return check();
}

describe('LazyImage while the user scrolls', () => {
  it('starts the images the first scroll brings within rootMargin at once, and those that come later together in one render', async () => {
    const { scroller, host, counts, images, requested } = gallery();
    render(images(100), { container: host });
    await expect.poll(requested).toEqual(range(0, 4));
    fakeImageTimers();

    // The first scroll (150 px) releases rows 4-7, which waited within rootMargin (up to 700 px, row 7
    // touching it): they are about to be seen, so they start at once. Row 8, newly within 850 px, waits.
    const rendered = () => scroller.querySelectorAll('img').length;
    scroller.scrollTop = 150;
    expect(await withinFrames(() => rendered() === 8)).toBe(true);
    await nextFrames(3);
    expect(rendered()).toBe(8);
    vi.advanceTimersByTime(100);
    await expect.poll(requested).toEqual(range(0, 9));

    // Further scrolls bring rows 9-11, then 12-13 within rootMargin in frames of their own: they wait.
    const before = counts.commits;
    scroller.scrollTop = 450;
    await nextFrames(3);
    scroller.scrollTop = 650;
    await nextFrames(3);
    expect(rendered()).toBe(9);
    expect(await requested()).toEqual(range(0, 9));
    expect(counts.commits).toBe(before);

    // 100 ms later they start together: one render for all five.
    vi.advanceTimersByTime(100);
    await expect.poll(requested).toEqual(range(0, 14));
    expect(counts.commits).toBe(before + 1);
  });

  it('neither requests nor reports visible an image unmounted while it waited to start', async () => {
    const { scroller, host, visible, images, requested } = gallery();
    const { rerender } = render(images(30), { container: host });
    await expect.poll(requested).toEqual(range(0, 4));
    // A first scroll (if the test above has not scrolled already) lets rows 4-7 within rootMargin load.
    scroller.scrollTop = 1;
    await expect.poll(requested).toEqual(range(0, 8));

    // Rows 8-10 come within rootMargin and wait to start; all but row 8 are unmounted meanwhile.
    fakeImageTimers();
    scroller.scrollTop = 300;
    await nextFrames(3);
    rerender(images(9));
    vi.advanceTimersByTime(100);
    await expect.poll(requested).toEqual(range(0, 9));
    await nextFrames(3);
    expect(await requested()).toEqual(range(0, 9));
    expect(visible.sort((a, b) => a - b)).toEqual(range(0, 9));
  });
});
