import { createRef } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { content, count, measured, ROW_HEIGHT, rowPadding, start } from './shared';

const list = createRef<VirtuosoHandle>();
start(
  <Virtuoso
    ref={list}
    style={{ height: 600 }}
    totalCount={count}
    fixedItemHeight={measured ? undefined : ROW_HEIGHT}
    itemContent={(index) => (
      <div data-row={index} style={{ ...rowPadding, height: measured ? undefined : ROW_HEIGHT }}>
        {content(index)}
      </div>
    )}
  />,
  { scrollToIndex: (index) => list.current?.scrollToIndex({ index, align: 'start' }) },
);
