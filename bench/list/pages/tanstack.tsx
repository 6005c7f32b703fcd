import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { content, count, ESTIMATE, measured, ROW_HEIGHT, rowPadding, start } from './shared';

let scrollToIndex = (_index: number) => {};

function App() {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => (measured ? ESTIMATE : ROW_HEIGHT),
  });
  scrollToIndex = (index) => virtualizer.scrollToIndex(index, { align: 'start' });
  return (
    <div ref={parent} style={{ height: 600, overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            data-row={item.index}
            ref={measured ? virtualizer.measureElement : undefined}
            style={{
              ...rowPadding,
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              height: measured ? undefined : ROW_HEIGHT,
              transform: `translateY(${item.start}px)`,
            }}
          >
            {content(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}

start(<App />, { scrollToIndex: (index) => scrollToIndex(index) });
