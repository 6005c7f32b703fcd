import { afterEach, describe, expect, it, vi } from 'vitest';
import { getObserverStats, observe, unobserve } from '../../src';
import { setIntersectionOwner } from '../../src/visibility/observe';

const boxes: HTMLElement[] = [];
function box(top: number) {
  const element = document.createElement('div');
  element.style.cssText = `position:absolute;top:${top}px;width:10px;height:10px`;
  document.body.append(element);
  boxes.push(element);
  return element;
}

afterEach(() => {
  for (const element of boxes.splice(0)) element.remove();
});

describe('observe and unobserve', () => {
  it('stops one listener with unobserve, given the options it was observed with', async () => {
    const near = box(0);
    const other = box(20);
    const listener = vi.fn();
    const stopOther = observe(other, listener, { rootMargin: '10px' });
    observe(near, listener, { rootMargin: '10px' });
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(2));
    expect(getObserverStats()).toEqual({ observers: 1, elements: 2 });

    unobserve(near, listener, { rootMargin: '10px' });
    // Again, and with options it was never observed with: nothing happens.
    unobserve(near, listener, { rootMargin: '10px' });
    unobserve(other, listener, { rootMargin: '20px' });
    expect(getObserverStats()).toEqual({ observers: 1, elements: 1 });

    near.style.top = '2000px';
    other.style.top = '3000px';
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(3));
    expect(listener.mock.calls[2]![0].target).toBe(other);
    stopOther();
    expect(getObserverStats()).toEqual({ observers: 0, elements: 0 });
  });

  it('reports owned elements to their owners through one observer per root and margin, apart from observe', async () => {
    const first = box(0);
    const second = box(20);
    const far = box(5000);
    const seen: Array<[Element, boolean]> = [];
    const owner = {
      onIntersect: (entry: IntersectionObserverEntry) => seen.push([entry.target, entry.isIntersecting]),
    };
    const stopPlain = observe(first, () => {}, { rootMargin: '10px' });
    setIntersectionOwner(first, owner, null, '10px');
    setIntersectionOwner(second, owner, null, '10px');
    setIntersectionOwner(far, owner, null, '10px');
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(new Map(seen)).toEqual(
      new Map([
        [first, true],
        [second, true],
        [far, false],
      ]),
    );
    // One observer for the three owned elements, one for observe's listener.
    expect(getObserverStats()).toEqual({ observers: 2, elements: 4 });

    setIntersectionOwner(second, undefined, null, '10px');
    setIntersectionOwner(second, undefined, null, '10px');
    second.style.top = '3000px';
    far.style.top = '0px';
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    expect(seen[3]).toEqual([far, true]);
    stopPlain();
    setIntersectionOwner(first, undefined, null, '10px');
    setIntersectionOwner(far, undefined, null, '10px');
    expect(getObserverStats()).toEqual({ observers: 0, elements: 0 });
  });
});
