import { describe, expect, it } from 'vitest';
import { createVirtualizer } from '../../src/list/core/createVirtualizer';
import { getRenderRange } from '../../src/list/core/getRange';
import { activeSticky, checkOverscan, parseOverscan, stickyFrom } from '../../src/list/core/options';
import { MAX_SCROLL_SIZE } from '../../src/list/core/scrollScale';
import { createSizeCache } from '../../src/list/core/sizeCache';

const overscan = 2;
const make = (count: number, base: number, alignToBottom = false) =>
  createVirtualizer({ count, base, overscan, alignToBottom });

describe('getRenderRange', () => {
  it.each([
    // scroll, viewport, overscan → [start, end)
    [0, 600, { items: 0, px: 0 }, [0, 17]],
    [0, 600, { items: 2, px: 0 }, [0, 19]],
    [3600, 600, { items: 2, px: 0 }, [98, 119]],
    [3600, 600, { items: 0, px: 72 }, [98, 119]],
    [35_400, 600, { items: 2, px: 0 }, [981, 1000]],
  ])('scroll %d in a %d px view with overscan %o renders %o', (scroll, viewport, extra, expected) => {
    expect(getRenderRange(createSizeCache(1000, 36), scroll, viewport, extra)).toEqual(expected);
  });
});

describe('createVirtualizer', () => {
  it('keeps the first visible item in place when items above it are measured for the first time', () => {
    const list = make(1000, 100);
    list.setViewport(500);
    list.scrollTo(50_000);
    // Rows 495..499 enter from above (estimated 100, really 40); row 500 was on screen.
    list.measure([[500, 100]]);
    const before = list.sizes.offset(500) - list.scroll;
    list.measure([
      [495, 40],
      [496, 40],
      [497, 40],
      [498, 40],
      [499, 40],
    ]);
    expect(list.sizes.offset(500) - list.scroll).toBe(before);
  });

  it('keeps the end in place while pinned there (flush after a jump to the end)', () => {
    const list = make(1000, 100);
    list.setViewport(500);
    list.scrollTo(1e9);
    expect(list.remaining).toBe(0);
    list.measure([
      [999, 180],
      [998, 30],
    ]);
    expect(list.remaining).toBe(0);
    expect(list.scroll).toBe(list.sizes.total() - 500);
  });

  it('moves the view by the prepended size so that the same item stays on screen', () => {
    const list = make(100, 50);
    list.setViewport(400);
    list.scrollTo(1000);
    list.setSizes(120, 50, 20, false);
    expect(list.scroll).toBe(2000);
  });

  it('follows appended items while pinned to the end when asked to', () => {
    const list = make(20, 50, true);
    list.setViewport(400);
    expect(list.scroll).toBe(600);
    list.setSizes(25, 50, 0, true);
    expect(list.scroll).toBe(850);
    list.setSizes(30, 50, 0, false);
    expect(list.scroll).toBe(850);
  });

  it('pushes short content to the bottom with alignToBottom', () => {
    const list = make(3, 50, true);
    list.setViewport(400);
    list.updateRange();
    expect(list.windowOffset()).toBe(250);
    expect(list.domSize).toBe(400);
  });

  it('computes scroll targets for every alignment', () => {
    const list = make(100, 50);
    list.setViewport(200);
    expect(list.targetOf(10, 'start')).toBe(500);
    expect(list.targetOf(10, 'end')).toBe(350);
    expect(list.targetOf(10, 'center')).toBe(425);
    list.scrollTo(400);
    expect(list.targetOf(10, 'auto')).toBe(400);
    expect(list.targetOf(2, 'auto')).toBe(100);
    expect(list.targetOf(20, 'auto')).toBe(850);
  });

  it('maps a scaled scroll range so that the last row ends flush and a target lands exactly', () => {
    const list = make(10_000_000, 36);
    list.setViewport(600);
    expect(list.domSize).toBe(MAX_SCROLL_SIZE);
    list.scrollTo(list.targetOf(5_000_000, 'start'));
    expect(list.scroll).toBe(180_000_000);
    expect(Number.isInteger(list.physical)).toBe(true);
    list.updateRange();
    expect(list.start).toBeLessThanOrEqual(5_000_000);
    // The row is placed at the same distance from the scroll position as in content px.
    expect(list.windowOffset() - list.physical).toBe(list.sizes.offset(list.start) - list.scroll);
    list.scrolled(MAX_SCROLL_SIZE - 600);
    expect(list.remaining).toBe(0);
    list.scrolled(0);
    expect(list.scroll).toBe(0);
  });

  it('restores a snapshot to the same scroll offset and sizes', () => {
    const list = make(500, 60);
    list.setViewport(300);
    list.measure([[3, 90]]);
    list.scrollTo(1234);
    const restored = createVirtualizer({
      count: 500,
      base: 60,
      overscan,
      alignToBottom: false,
      initialState: list.snapshot(),
    });
    expect(restored.scroll).toBe(1234);
    expect(restored.sizes.size(3)).toBe(90);
    expect(restored.viewport).toBe(300);
  });
});

describe('scroll scale', () => {
  it('keeps a ratio of exactly 1 while the content fits', () => {
    const list = make(100_000, 36);
    list.setViewport(600);
    expect(list.domSize).toBe(3_600_000);
    list.scrolled(1_234_567);
    expect(list.scroll).toBe(1_234_567);
  });
  it('scales past the cap so that both ends match', () => {
    const list = make(10_000_000, 36);
    list.setViewport(600);
    list.scrolled(MAX_SCROLL_SIZE - 600);
    expect(list.scroll).toBe(360_000_000 - 600);
    list.scrolled(1);
    expect(list.scroll).toBeCloseTo((360_000_000 - 600) / (MAX_SCROLL_SIZE - 600), 6);
  });
});

describe('options', () => {
  it('reads overscan in items or px', () => {
    expect(parseOverscan(undefined)).toEqual({ items: 2, px: 0 });
    expect(parseOverscan(5)).toEqual({ items: 5, px: 0 });
    expect(parseOverscan('300px')).toEqual({ items: 0, px: 300 });
  });
  it('names the input and the fix when overscan is wrong', () => {
    expect(() => checkOverscan('VirtualList', '300')).toThrow(
      'VirtualList: Expected a number of items such as 2 or a length such as "300px" for overscan but received "300" of type string.',
    );
  });
  it('turns groups into sticky header indices and finds the active one', () => {
    const headers = stickyFrom(undefined, [3, 5, 2]);
    expect(headers).toEqual([0, 3, 8]);
    expect(activeSticky(headers, 7)).toBe(3);
    expect(activeSticky(headers, 9)).toBe(8);
    expect(activeSticky([4], 2)).toBe(-1);
  });
});
