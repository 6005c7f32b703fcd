import { createRoot } from 'react-dom/client';
import { InfiniteScroll } from '../../../src/index';
import { Row } from './feed';
import { useFeed } from './useFeed';

function App() {
  const { items, loadMore, hasMore } = useFeed();
  return (
    <InfiniteScroll loadMore={({ signal }) => loadMore(signal)} hasMore={hasMore} loader={<p>Loading…</p>}>
      {items.map((item) => (
        <Row key={item.id} item={item} />
      ))}
    </InfiniteScroll>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
