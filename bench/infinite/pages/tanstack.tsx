import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ROW_HEIGHT, Row } from './feed';
import { useFeed } from './useFeed';

// TanStack's infinite-scroll recipe, react-query's isFetchingNextPage replaced by a state flag.
function App() {
  const { items, loadMore, hasMore } = useFeed();
  const [fetching, setFetching] = useState(false);
  const virtualizer = useWindowVirtualizer({
    count: hasMore ? items.length + 1 : items.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];
  useEffect(() => {
    if (!last || last.index < items.length - 1 || !hasMore || fetching) return;
    setFetching(true);
    loadMore()
      .catch(() => {})
      .finally(() => setFetching(false));
  }, [last, items.length, hasMore, fetching, loadMore]);
  return (
    <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {virtualItems.map((row) => (
        <div
          key={row.key}
          style={{
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${row.start}px)`,
          }}
        >
          {row.index < items.length ? <Row item={items[row.index]!} /> : <p>Loading…</p>}
        </div>
      ))}
    </div>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
