import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useInView } from 'react-intersection-observer';
import { Row } from './feed';
import { useFeedIgnoringErrors } from './useFeed';

function App() {
  const { items, loadMore, hasMore } = useFeedIgnoringErrors();
  const { ref, inView } = useInView();
  useEffect(() => {
    if (inView && hasMore) loadMore();
  }, [inView, hasMore, loadMore]);
  return (
    <div>
      {items.map((item) => (
        <Row key={item.id} item={item} />
      ))}
      {hasMore && <div ref={ref}>Loading…</div>}
    </div>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
