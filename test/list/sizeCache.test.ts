import { describe, expect, it } from 'vitest';
import { createSizeCache } from '../../src/list/core/sizeCache';

/** The plain answer: a prefix sum over an explicit array. */
function reference(sizes: number[]) {
  const offsets = [0];
  for (const size of sizes) offsets.push(offsets[offsets.length - 1]! + size);
  return {
    offset: (index: number) => offsets[index]!,
    indexAt: (offset: number) => {
      if (offset <= 0) return 0;
      let index = 0;
      while (index < sizes.length - 1 && offsets[index + 1]! <= offset) index++;
      return index;
    },
  };
}

describe('createSizeCache', () => {
  it('places uniform items by multiplication, up to ten million of them', () => {
    const cache = createSizeCache(10_000_000, 36);
    expect(cache.total()).toBe(360_000_000);
    expect(cache.offset(9_999_999)).toBe(359_999_964);
    expect(cache.indexAt(359_999_964)).toBe(9_999_999);
    expect(cache.indexAt(359_999_963.5)).toBe(9_999_998);
    expect(cache.indexAt(1e12)).toBe(9_999_999);
  });

  it('agrees with a plain prefix sum after measurements scattered over many blocks', () => {
    const count = 3000;
    const sizes = Array.from({ length: count }, () => 50);
    const cache = createSizeCache(count, 50);
    for (let step = 0; step < 400; step++) {
      const index = (step * 7919) % count;
      const size = 20 + ((step * 37) % 150);
      sizes[index] = size;
      expect(cache.set(index, size)).toBeTypeOf('number');
    }
    const plain = reference(sizes);
    expect(cache.total()).toBe(plain.offset(count));
    for (let index = 0; index <= count; index += 13) expect(cache.offset(index)).toBe(plain.offset(index));
    for (let offset = -10; offset < plain.offset(count) + 100; offset += 97.5)
      expect(cache.indexAt(offset)).toBe(plain.indexAt(offset));
  });

  it('returns the change in total size from set, and 0 when the size is unchanged', () => {
    const cache = createSizeCache(10, 100);
    expect(cache.isMeasured(3)).toBe(false);
    expect(cache.set(3, 130)).toBe(30);
    expect(cache.isMeasured(3)).toBe(true);
    expect(cache.set(3, 130)).toBe(0);
    expect(cache.total()).toBe(1030);
  });

  it('asks a size function for sizes it has not measured', () => {
    const cache = createSizeCache(1000, (index) => (index % 2 === 0 ? 10 : 30));
    expect(cache.offset(500)).toBe(250 * 10 + 250 * 30);
    expect(cache.indexAt(20)).toBe(1);
    expect(cache.size(7)).toBe(30);
  });

  it('starts from given measurements and hands them back', () => {
    const cache = createSizeCache(600, 40, [
      [2, 100],
      [512, 7],
      [9999, 1],
    ]);
    expect(cache.measurements()).toEqual([
      [2, 100],
      [512, 7],
    ]);
    expect(cache.offset(3)).toBe(40 * 2 + 100);
  });

  it('handles an empty list', () => {
    const cache = createSizeCache(0, 40);
    expect(cache.total()).toBe(0);
    expect(cache.indexAt(100)).toBe(0);
  });
});
