import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, waitFor } from 'storybook/test';
import { VirtualGrid, type VirtualGridCountProps } from '../src';

function Product({ index }: { index: number }) {
  return (
    <article
      style={{ border: '1px solid #ddd', borderRadius: 8, padding: 12, height: 180, boxSizing: 'border-box' }}
    >
      <div style={{ height: 110, background: `hsl(${(index * 47) % 360} 60% 85%)`, borderRadius: 4 }} />
      <strong>Product {index}</strong>
    </article>
  );
}

const meta = {
  title: 'Components/VirtualGrid',
  component: VirtualGrid as ComponentType<VirtualGridCountProps>,
  tags: ['autodocs'],
  args: {
    count: 10_000,
    minColumnWidth: 180,
    rowHeight: 180,
    gap: 12,
    height: 500,
    children: (index: number) => <Product index={index} />,
  },
  argTypes: {
    count: { control: { type: 'number', min: 0 } },
    minColumnWidth: {
      control: { type: 'number', min: 50 },
      description: 'Columns: as many as fit this width.',
    },
    rowHeight: { control: 'number', description: 'Fixed row height; leave empty to measure.' },
    gap: { control: 'number' },
  },
} satisfies Meta<VirtualGridCountProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A shop grid of 10,000 products; resize it and the column count follows. */
export const ProductGrid: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Product 0'));
    expect(canvasElement.querySelectorAll('[role="gridcell"]').length).toBeLessThan(200);
  },
};

/** Rows measured as they render, scrolling with the page. */
export const MeasuredWithPage: Story = {
  args: { rowHeight: undefined, estimatedRowHeight: 200, useWindowScroll: true, count: 2000 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Product 0'));
  },
};
