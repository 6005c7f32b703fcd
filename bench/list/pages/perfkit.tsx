import { createRef } from 'react';
import { VirtualList, type VirtualListHandle } from '../../../src';
import { content, count, ESTIMATE, measured, ROW_HEIGHT, rowPadding, start } from './shared';

const list = createRef<VirtualListHandle>();
start(
  <VirtualList
    ref={list}
    count={count}
    height={600}
    itemSize={measured ? undefined : ROW_HEIGHT}
    estimatedItemSize={ESTIMATE}
  >
    {(index) =>
      // Fixed rows are plain text in the list's own row element (which carries data-index).
      measured ? (
        <div data-row={index} style={rowPadding}>
          {content(index)}
        </div>
      ) : (
        content(index)
      )
    }
  </VirtualList>,
  { scrollToIndex: (index) => list.current?.scrollToIndex(index, { align: 'start' }) },
);
