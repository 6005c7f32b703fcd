import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentType, type Ref, useRef, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { VirtualList, type VirtualListCountProps, type VirtualListHandle } from '../src';

type Args = VirtualListCountProps & { ref?: Ref<VirtualListHandle> };

/** 1–8 lines per row, the same on every run. */
const linesOf = (index: number) => 1 + ((Math.imul(index + 1, 2654435761) >>> 7) % 8);

function Message({ index }: { index: number }) {
  return (
    <div style={{ padding: '8px 12px', borderBottom: '1px solid #eee', font: '14px/20px system-ui' }}>
      <strong>Message {index}</strong>
      {Array.from({ length: linesOf(index) - 1 }, (_, line) => (
        <div key={line}>Line {line + 2} of a message that needs measuring.</div>
      ))}
    </div>
  );
}

const meta = {
  title: 'Components/VirtualList',
  component: VirtualList as ComponentType<Args>,
  tags: ['autodocs'],
  args: {
    count: 100_000,
    itemSize: 36,
    height: 400,
    overscan: 2,
    children: (index: number) => `Row ${index}`,
  },
  argTypes: {
    count: { control: { type: 'number', min: 0 } },
    itemSize: {
      control: { type: 'number', min: 1 },
      description: 'Fixed row size in px; leave empty to measure.',
    },
    height: { control: 'number' },
    overscan: {
      control: 'number',
      description: 'Items (a number) or px ("300px") rendered beyond the view.',
    },
    horizontal: { control: 'boolean' },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 100,000 rows of 36 px: only the rows in view are in the DOM. */
export const Fixed: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Row 0'));
    expect(canvasElement.querySelectorAll('[role="listitem"]').length).toBeLessThan(30);
  },
};

/** Rows of 1–8 lines, measured as they render; jump anywhere and the row lands exactly. */
export const Measured: Story = {
  args: { itemSize: undefined, estimatedItemSize: 80 },
  render: function Render(args) {
    const list = useRef<VirtualListHandle>(null);
    return (
      <div>
        <button type="button" onClick={() => list.current?.scrollToIndex(50_000, { align: 'start' })}>
          Jump to message 50,000
        </button>
        <VirtualList {...args} ref={list} itemSize={undefined}>
          {(index: number) => <Message index={index} />}
        </VirtualList>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Message 0'));
    canvasElement.querySelector('button')?.click();
    await waitFor(() => expect(canvasElement.textContent).toContain('Message 50000'));
  },
};

/** A chat: starts at the newest message, follows new ones, keeps your place when older ones load. */
export const Chat: Story = {
  args: { count: 0, itemSize: undefined, estimatedItemSize: 60 },
  render: function Render(args) {
    const [ids, setIds] = useState(() => Array.from({ length: 100 }, (_, index) => 1000 + index));
    return (
      <div>
        <button
          type="button"
          onClick={() => setIds((current) => [...current, current[current.length - 1]! + 1])}
        >
          New message
        </button>
        <VirtualList
          items={ids}
          getItemKey={(index) => ids[index]!}
          height={args.height}
          estimatedItemSize={args.estimatedItemSize}
          alignToBottom
          followOutput
          onStartReached={() =>
            setIds((current) =>
              current[0]! > 0
                ? [...Array.from({ length: 50 }, (_, index) => current[0]! - 50 + index), ...current]
                : current,
            )
          }
          aria-label="Messages"
        >
          {(id) => <Message index={id} />}
        </VirtualList>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Message 1099'));
    canvasElement.querySelector('button')?.click();
    await waitFor(() => expect(canvasElement.textContent).toContain('Message 1100'));
  },
};

/** Scrolls with the page, below a header (`useWindowScroll`). */
export const Window: Story = {
  args: { count: 5000, itemSize: 48 },
  render: (args) => (
    <div>
      <header style={{ height: 120, background: '#f4f4f4', padding: 16 }}>Page header above the list</header>
      <VirtualList count={args.count} itemSize={args.itemSize} useWindowScroll>
        {(index) => <div style={{ padding: 12, borderBottom: '1px solid #eee' }}>Product {index}</div>}
      </VirtualList>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Product 0'));
    expect(canvasElement.textContent).not.toContain('Product 4999');
  },
};

/** Ten million rows: past the tallest element a browser lays out, still every row is reachable. */
export const TenMillionRows: Story = {
  args: { count: 10_000_000 },
  render: function Render(args) {
    const list = useRef<VirtualListHandle>(null);
    return (
      <div>
        <button type="button" onClick={() => list.current?.scrollToIndex(args.count - 1, { align: 'end' })}>
          Go to the last row
        </button>
        <VirtualList {...args} ref={list}>
          {(index: number) => `Row ${index.toLocaleString('en')}`}
        </VirtualList>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Row 0'));
    canvasElement.querySelector('button')?.click();
    await waitFor(() => expect(canvasElement.textContent).toContain('Row 9,999,999'));
  },
};

/** Group headers that stick while their group is in view. */
export const StickyGroups: Story = {
  args: { count: 200, itemSize: 32 },
  render: (args) => (
    <VirtualList count={args.count} itemSize={args.itemSize} height={args.height} groups={Array(10).fill(20)}>
      {(index) =>
        index % 20 === 0 ? (
          <div style={{ background: '#222', color: '#fff', padding: '6px 12px' }}>Group {index / 20 + 1}</div>
        ) : (
          <div style={{ background: '#fff', padding: '6px 12px' }}>Item {index}</div>
        )
      }
    </VirtualList>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Group 1'));
  },
};
