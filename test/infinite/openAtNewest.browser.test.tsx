import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InfiniteScroll } from '../../src';
import { frame, scroller } from './dom';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('InfiniteScroll direction="up" mounted with items already there', () => {
  it('opens at the newest item before the first paint and asks for no older page while the top is far away', async () => {
    const root = scroller(300);
    const calls: number[] = [];
    let scrollTopAtFirstFrame = -1;
    requestAnimationFrame(() => {
      scrollTopAtFirstFrame = root.scrollTop;
    });
    render(
      <InfiniteScroll
        direction="up"
        root={root}
        rootMargin="0px"
        hasMore
        loadMore={() => {
          calls.push(1);
          return new Promise(() => {});
        }}
      >
        {Array.from({ length: 40 }, (_, i) => (
          <p key={i} style={{ height: 50, margin: 0 }}>
            message {i}
          </p>
        ))}
      </InfiniteScroll>,
      { container: root },
    );
    await frame();
    await frame();
    const bottom = root.scrollHeight - root.clientHeight;
    expect(bottom).toBeGreaterThan(1000);
    expect(scrollTopAtFirstFrame).toBeGreaterThanOrEqual(bottom - 1);
    expect(root.scrollTop).toBeGreaterThanOrEqual(bottom - 1);
    expect(calls).toHaveLength(0);
  });
});
