import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useInfiniteLoader, VirtualList } from '../../../src/index';
import { ROW_HEIGHT, Row } from './feed';
import { useFeed } from './useFeed';

// The recommended combination: the list decides when the end is near, the loader guards and retries.
function App() {
  const { items, loadMore, hasMore } = useFeed();
  const { load } = useInfiniteLoader({ loadMore: ({ signal }) => loadMore(signal), hasMore, manual: true });
  // VirtualList reports the end only once it has items; the first page comes from an effect.
  useEffect(() => load(), [load]);
  return (
    <VirtualList
      items={items}
      itemSize={ROW_HEIGHT}
      useWindowScroll
      threshold={1200}
      onEndReached={load}
      getItemKey={(index) => items[index]!.id}
    >
      {(item) => <Row item={item} />}
    </VirtualList>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
