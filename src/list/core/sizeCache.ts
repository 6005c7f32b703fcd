// Item sizes in blocks of 256: a Fenwick tree over block sums answers "offset of item i" and "item at
// offset y" in O(log blocks + 256), while memory grows only with the blocks that hold a measurement.
// A list of ten million uniform rows costs one Float64Array of 39,063 block sums and nothing else.
const SHIFT = 8;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

export type SizeOf = number | ((index: number) => number);

export interface SizeCache {
  readonly count: number;
  /** The base size it was built with: the list rebuilds the cache when that changes. */
  readonly base: SizeOf;
  /** Size of one item: its measurement, or the base size (the number, or the function's answer). */
  size(index: number): number;
  isMeasured(index: number): boolean;
  /** Records a measurement and returns how much the total changed. */
  set(index: number, size: number): number;
  /** Where item `index` starts; `offset(count)` is the total size. */
  offset(index: number): number;
  total(): number;
  /** The item that covers `offset` (clamped to the list). */
  indexAt(offset: number): number;
  /** Every measurement as [index, size] pairs, for snapshots and for rebuilding after a prepend. */
  measurements(): Array<[number, number]>;
}

export function createSizeCache(
  count: number,
  base: SizeOf,
  measurements: Iterable<readonly [number, number]> = [],
): SizeCache {
  const uniform = typeof base === 'number';
  const baseOf = uniform ? () => base : base;
  const blockCount = Math.ceil(count / BLOCK);
  const tree = new Float64Array(blockCount + 1);
  // Measurements per block, holes where an item is not measured (flatMap skips them).
  const blocks: number[][] = [];

  // Linear-time Fenwick construction: node n (block n - 1) adds its block's sum to what its children have
  // pushed to it, then pushes the total to its parent.
  for (let node = 1; node <= blockCount; node++) {
    const first = (node - 1) << SHIFT;
    const last = Math.min(count, first + BLOCK);
    let sum = tree[node]!;
    // Uniform sizes are multiplied: ten million rows build without ten million calls.
    if (uniform) sum += (last - first) * base;
    else for (let index = first; index < last; index++) sum += baseOf(index);
    tree[node] = sum;
    const parent = node + (node & -node);
    if (parent <= blockCount) tree[parent]! += sum;
  }

  const blocksBefore = (block: number) => {
    let sum = 0;
    for (let node = block; node > 0; node -= node & -node) sum += tree[node]!;
    return sum;
  };
  const measured = (index: number) => blocks[index >> SHIFT]?.[index & MASK];
  const size = (index: number) => measured(index) ?? baseOf(index);

  const cache: SizeCache = {
    count,
    base,
    size,
    isMeasured: (index) => measured(index) !== undefined,
    set(index, value) {
      const delta = value - size(index);
      const block = index >> SHIFT;
      let sizes = blocks[block];
      if (!sizes) blocks[block] = sizes = [];
      sizes[index & MASK] = value;
      for (let node = block + 1; node <= blockCount; node += node & -node) tree[node]! += delta;
      return delta;
    },
    offset(index) {
      const block = index >> SHIFT;
      let offset = blocksBefore(block);
      // The items before `index` in its block: at most 255 reads, little next to the render that asks.
      for (let item = block << SHIFT; item < index; item++) offset += size(item);
      return offset;
    },
    total: () => blocksBefore(blockCount),
    indexAt(offset) {
      if (count === 0 || offset <= 0) return 0;
      let block = 0;
      let rest = offset;
      // Binary lifting (from a power of two above any block count: 2^30 blocks hold 2^38 items) to the block
      // that holds `offset`. It stops before the last block, so that an offset past the end ends the scan
      // below at the last item.
      for (let step = 1 << 30; step > 0; step >>= 1) {
        const next = block + step;
        if (next < blockCount && tree[next]! <= rest) {
          block = next;
          rest -= tree[next]!;
        }
      }
      let index = block << SHIFT;
      while (index < count - 1 && rest >= size(index)) rest -= size(index++);
      return index;
    },
    // flatMap skips the blocks with no measurement, and flattening skips the holes inside a block.
    measurements: () =>
      blocks.flatMap((sizes, block) =>
        sizes.map((value, slot): [number, number] => [(block << SHIFT) + slot, value]),
      ),
  };
  for (const [index, value] of measurements) if (index >= 0 && index < count) cache.set(index, value);
  return cache;
}
