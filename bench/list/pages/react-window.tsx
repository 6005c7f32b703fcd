import { createRef } from 'react';
import { List, type ListImperativeAPI, type RowComponentProps, useDynamicRowHeight } from 'react-window';
import { content, count, ESTIMATE, measured, ROW_HEIGHT, rowPadding, start } from './shared';

const list = createRef<ListImperativeAPI>();

function Row({ index, style, ariaAttributes }: RowComponentProps) {
  return (
    <div data-row={index} style={{ ...style, ...rowPadding }} {...ariaAttributes}>
      {content(index)}
    </div>
  );
}

function App() {
  const dynamic = useDynamicRowHeight({ defaultRowHeight: ESTIMATE });
  return (
    <List
      listRef={list}
      rowComponent={Row}
      rowCount={count}
      rowHeight={measured ? dynamic : ROW_HEIGHT}
      rowProps={{}}
      style={{ height: 600 }}
    />
  );
}

start(<App />, { scrollToIndex: (index) => list.current?.scrollToRow({ index, align: 'start' }) });
