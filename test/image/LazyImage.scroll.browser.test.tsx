import { cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { getObserverStats, LazyImage } from '../../src';
import { imageServer, nextFrames } from './support';

// Its own file: the "has the user scrolled yet" state is per page, and this test starts before any scroll.
const NativeObserver = window.IntersectionObserver;
let created = 0;
class CountingObserver extends NativeObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    super(callback, options);
    created += 1;
  }
}

afterEach(() => {
  cleanup();
  window.IntersectionObserver = NativeObserver;
});

const ROW = 100;
const VIEWPORT = 400;

function requestedIndexes(log: string[]) {
  return log.map((url) => Number(new URL(url, location.href).searchParams.get('i'))).sort((a, b) => a - b);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe('300 LazyImages in a scroll container', () => {
  it('loads the viewport first, then what comes within rootMargin as the user scrolls, on one observer', async () => {
    window.IntersectionObserver = CountingObserver;
    const server = imageServer();
    const scroller = document.createElement('div');
    scroller.style.cssText = `height:${VIEWPORT}px;width:400px;overflow:auto`;
    document.body.append(scroller);
    const host = document.createElement('div');
    scroller.append(host);
    render(
      range(0, 300).map((index) => (
        <LazyImage
          key={index}
          root={scroller}
          rootMargin="300px"
          src={server.url('ok', `photo-${(index % 4) + 1}.jpg`, `?i=${index}`)}
          alt={`photo ${index}`}
          width={400}
          height={ROW}
          style={{ display: 'block' }}
        />
      )),
      { container: host },
    );

    // Before any scroll: rows 0-3 fill the 400 px viewport; nothing below is requested yet.
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 4));
    await nextFrames(5);
    expect(requestedIndexes(await server.log())).toEqual(range(0, 4));
    expect(created).toBe(1);
    expect(getObserverStats(scroller)).toEqual({ observers: 1, elements: 296 });

    // First scroll: 150 px down, the root box grown by 300 px reaches 850 px, so rows up to 8 load.
    scroller.scrollTop = 150;
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 9));

    // Scrolling to the end requests the rest, each image once.
    for (let top = 0; top <= 300 * ROW; top += 1000) {
      scroller.scrollTop = top;
      await nextFrames(2);
    }
    await expect
      .poll(async () => requestedIndexes(await server.log()), { timeout: 10_000 })
      .toEqual(range(0, 300));
    expect(created).toBe(1);
    await expect.poll(() => getObserverStats(scroller).elements).toBe(0);
    scroller.remove();
  });

  it('watches the scroll container once it is known, when root arrives after the first render', async () => {
    const server = imageServer();
    // The usual way to get a container: a state set by its ref, so the first render has no root yet.
    function Gallery() {
      const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
      return (
        <div ref={setScroller} data-testid="scroller" style={{ height: 200, width: 300, overflow: 'auto' }}>
          {range(0, 10).map((index) => (
            <LazyImage
              key={index}
              root={scroller}
              rootMargin="300px"
              src={server.url('ok', `photo-${(index % 4) + 1}.jpg`, `?late=${index}&i=${index}`)}
              alt=""
              width={300}
              height={ROW}
              style={{ display: 'block' }}
            />
          ))}
        </div>
      );
    }
    const { getByTestId } = render(<Gallery />);
    const scroller = getByTestId('scroller');
    await expect.poll(async () => requestedIndexes(await server.log())).toContain(1);
    // A scroll (if the test above has not scrolled already) and images load ahead: the container's box
    // grown by 300 px reaches 501 px, rows 0-5. Watched from the viewport instead, rows clipped by the
    // container would not load before they are scrolled in.
    scroller.scrollTop = 1;
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 6));
    expect(getObserverStats(scroller)).toEqual({ observers: 1, elements: 4 });
    expect(getObserverStats()).toEqual({ observers: 0, elements: 0 });

    scroller.scrollTop = 250;
    await expect.poll(async () => requestedIndexes(await server.log())).toEqual(range(0, 8));
  });
});
