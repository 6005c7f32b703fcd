import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { InfiniteScroll, type LoadMoreContext } from '../src';

interface FeedProps {
  /** Milliseconds each page takes. */
  delay: number;
  /** Every load fails until "Try again" is pressed this many times. */
  failures: number;
  direction: 'down' | 'up';
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

function Feed({ delay, failures, direction }: FeedProps) {
  const [items, setItems] = useState<number[]>([]);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [failed, setFailed] = useState(0);
  const loadMore = async ({ signal }: LoadMoreContext) => {
    await wait(delay, signal);
    if (failed < failures) {
      setFailed((count) => count + 1);
      throw new Error('The network is down');
    }
    setItems((current) => {
      const page = Array.from({ length: 10 }, (_, index) => current.length + index);
      return direction === 'up' ? [...page.reverse(), ...current] : [...current, ...page];
    });
  };
  return (
    <div
      ref={setScroller}
      data-testid="scroller"
      style={{ height: 320, overflow: 'auto', border: '1px solid #ccc' }}
    >
      {scroller && (
        <InfiniteScroll
          root={scroller}
          direction={direction}
          loadMore={loadMore}
          hasMore={items.length < 100}
          autoRetry={0}
          loader={<p style={{ padding: 8 }}>Loading…</p>}
          endMessage={<p style={{ padding: 8 }}>You have seen all 100 posts.</p>}
        >
          {items.map((item) => (
            <article
              key={item}
              style={{ height: 60, padding: 8, boxSizing: 'border-box', borderBottom: '1px solid #eee' }}
            >
              Post {item}
            </article>
          ))}
        </InfiniteScroll>
      )}
    </div>
  );
}

const meta = {
  title: 'Components/InfiniteScroll',
  component: Feed,
  args: { delay: 300, failures: 0, direction: 'down' },
  argTypes: {
    delay: { control: { type: 'number', min: 0 } },
    failures: { control: { type: 'number', min: 0 } },
    direction: { control: 'inline-radio', options: ['down', 'up'] },
  },
} satisfies Meta<typeof Feed>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Scroll the box: the next page loads 2.5 viewports before the end, one page at a time. */
export const Feed20: Story = {
  name: 'Feed',
  args: { delay: 50 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Post 0')).toBeTruthy());
    // The first page is shorter than the box plus margin, so more pages follow by themselves.
    await waitFor(() => expect(canvas.getByText('Post 10')).toBeTruthy());
  },
};

/** Chat history: older posts are prepended while the post you read stays where it is. */
export const ChatHistory: Story = { args: { direction: 'up', delay: 50 } };

/** The network fails: the error shows with a "Try again" button, and nothing retries in a loop. */
export const FailingNetwork: Story = {
  args: { delay: 50, failures: 1 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const retry = await canvas.findByRole('button', { name: 'Try again' });
    expect(canvas.queryByText('Post 0')).toBeNull();
    await userEvent.click(retry);
    await waitFor(() => expect(canvas.getByText('Post 0')).toBeTruthy());
  },
};
