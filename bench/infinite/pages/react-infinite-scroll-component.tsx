import { createRoot } from 'react-dom/client';
import InfiniteScroll from 'react-infinite-scroll-component';
import { Row } from './feed';
import { useFeedIgnoringErrors } from './useFeed';

function App() {
  const { items, loadMore, hasMore } = useFeedIgnoringErrors();
  return (
    <InfiniteScroll dataLength={items.length} next={loadMore} hasMore={hasMore} loader={<p>Loading…</p>}>
      {items.map((item) => (
        <Row key={item.id} item={item} />
      ))}
    </InfiniteScroll>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
