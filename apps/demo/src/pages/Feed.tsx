import { InfiniteScroll } from '@perfkit/react';
import { useState } from 'react';
import { useLoaderData } from 'react-router-dom';
import { getJSON } from '../api/client';
import type { CursorPage, Post } from '../api/types';
import { PostCard } from '../feed/PostCard';
import { FEED_PAGE_SIZE, type feedLoader } from '../routes/loaders';

export default function Feed() {
  const first = useLoaderData<typeof feedLoader>();
  const [posts, setPosts] = useState(first.items);
  // null once the server says there is nothing more.
  const [cursor, setCursor] = useState(first.nextCursor);

  return (
    <section className="feed">
      <h1>Feed</h1>
      <InfiniteScroll
        hasMore={cursor !== null}
        loadMore={async ({ signal }) => {
          const page = await getJSON<CursorPage<Post>>(
            '/api/posts',
            { cursor, limit: FEED_PAGE_SIZE },
            signal,
          );
          setPosts((current) => [...current, ...page.items]);
          setCursor(page.nextCursor);
        }}
        aria-label="Posts"
        // Fixed to the viewport: showing and hiding it moves nothing on the page (no layout shift).
        loader={<p className="loading-pill">Loading posts…</p>}
        endMessage={<p className="muted">You are all caught up.</p>}
      >
        {posts.map((post) => (
          <PostCard key={post.id} post={post} />
        ))}
      </InfiniteScroll>
    </section>
  );
}
