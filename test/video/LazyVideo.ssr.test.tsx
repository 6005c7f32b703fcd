import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InfiniteScroll, LazyVideo, PageLoader } from '../../src';

describe('server rendering', () => {
  it('renders LazyVideo with its poster and reserved box but no sources', () => {
    const html = renderToString(
      <LazyVideo sources={[{ src: '/clip.webm' }]} poster="/poster.jpg" width={320} height={180} autoPlay />,
    );
    expect(html).toContain('poster="/poster.jpg"');
    expect(html).toContain('preload="none"');
    expect(html).toContain('aspect-ratio:320 / 180');
    expect(html).not.toContain('<source');
  });

  it('renders InfiniteScroll as a feed and PageLoader as a status box', () => {
    const feed = renderToString(
      <InfiniteScroll loadMore={async () => {}} hasMore>
        <article>first</article>
      </InfiniteScroll>,
    );
    expect(feed).toContain('role="feed"');
    expect(feed).toContain('<article>first</article>');
    expect(renderToString(<PageLoader />)).toContain('role="status"');
  });
});
