import { afterEach, describe, expect, it, vi } from 'vitest';
import { getObserverStats, observe, unobserve } from '../../src';

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
});
