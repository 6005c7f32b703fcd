import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { InfiniteScroll } from '../../src';

function Feed({ onCall }: { onCall: () => void }) {
  const [rows, setRows] = useState<number[]>([]);
  return (
    <InfiniteScroll
      hasMore={rows.length < 4}
      loadMore={async () => {
        onCall();
        setRows((current) => [...current, current.length, current.length + 1]);
      }}
      endMessage={<p>That is all</p>}
    >
      {rows.map((row) => (
        <article key={row}>row {row}</article>
      ))}
    </InfiniteScroll>
  );
}

describe('given no IntersectionObserver', () => {
  it('shows a "Load more" button that loads the next page, until hasMore is false', async () => {
    expect(typeof window.IntersectionObserver).toBe('undefined');
    let calls = 0;
    render(<Feed onCall={() => calls++} />);
    expect(calls).toBe(0);
    await act(async () => screen.getByRole('button', { name: 'Load more' }).click());
    expect(screen.getAllByRole('article')).toHaveLength(2);
    await act(async () => screen.getByRole('button', { name: 'Load more' }).click());
    expect(calls).toBe(2);
    expect(screen.getByText('That is all')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
