import { createRef } from 'react';
import { VList, type VListHandle } from 'virtua';
import { content, count, measured, ROW_HEIGHT, rowPadding, start } from './shared';

const list = createRef<VListHandle>();
// An array-like with only a length: no per-row allocation for the data.
const data = { length: count } as ArrayLike<unknown>;
start(
  <VList ref={list} data={data} style={{ height: 600 }} itemSize={measured ? undefined : ROW_HEIGHT}>
    {(_item, index) => (
      // pointer-events: virtua disables them on its container while scrolling, which would hide rows from
      // the elementFromPoint probe.
      <div
        data-row={index}
        style={{ ...rowPadding, height: measured ? undefined : ROW_HEIGHT, pointerEvents: 'auto' }}
      >
        {content(index)}
      </div>
    )}
  </VList>,
  { scrollToIndex: (index) => list.current?.scrollToIndex(index, { align: 'start' }) },
);
