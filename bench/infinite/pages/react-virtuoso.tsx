import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { Virtuoso } from 'react-virtuoso';
import { Row } from './feed';
import { useFeedIgnoringErrors } from './useFeed';

function App() {
  const { items, loadMore, hasMore } = useFeedIgnoringErrors();
  // Virtuoso never calls endReached at 0 items; its own example loads the first page from an effect.
  useEffect(() => {
    loadMore();
  }, [loadMore]);
  return (
    <Virtuoso
      useWindowScroll
      data={items}
      endReached={() => hasMore && loadMore()}
      itemContent={(_, item) => <Row item={item} />}
    />
  );
}
createRoot(document.getElementById('root')!).render(<App />);
