import { useCallback, useRef, useState } from 'react';
import { appendPage, config, fetchPage, type Item } from './feed';

/** The app state every contender shares: no in-flight guard and no retry here, by design. */
export function useFeed() {
  const [items, setItems] = useState<Item[]>([]);
  const length = useRef(0);
  length.current = items.length;
  const loadMore = useCallback(async (signal?: AbortSignal) => {
    const offset = length.current;
    const page = await fetchPage(offset, signal);
    setItems((current) => appendPage(current, offset, page));
  }, []);
  const hasMore = items.length < config.total;
  return { items, loadMore, hasMore };
}

/** The same, swallowing rejections, for peers that do not handle them. */
export function useFeedIgnoringErrors() {
  const feed = useFeed();
  const { loadMore } = feed;
  const safeLoadMore = useCallback(() => loadMore().catch(() => {}), [loadMore]);
  return { ...feed, loadMore: safeLoadMore };
}
