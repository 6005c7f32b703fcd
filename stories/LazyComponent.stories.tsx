import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { LazyComponent } from '../src';

function Card({ index }: { index: number }) {
  return (
    <article
      style={{ height: 120, border: '1px solid #ccc', borderRadius: 8, padding: 12, boxSizing: 'border-box' }}
    >
      <strong>Card {index}</strong>
      <p>Rendered when it came within rootMargin of the viewport.</p>
    </article>
  );
}

const meta = {
  title: 'Components/LazyComponent',
  component: LazyComponent,
  args: {
    rootMargin: '200px',
    minHeight: 120,
    placeholder: <div style={{ height: 120, background: '#eee', borderRadius: 8 }} />,
  },
  argTypes: {
    rootMargin: { control: 'text', description: 'How far outside the viewport a box counts as near.' },
    minHeight: { control: { type: 'number', min: 0 } },
  },
} satisfies Meta<typeof LazyComponent>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Scroll the box: each card renders as it comes within `rootMargin`. */
export const ScrollingFeed: Story = {
  render: (args) => (
    <div data-testid="scroller" style={{ height: 300, overflow: 'auto', display: 'grid', gap: 8 }}>
      {Array.from({ length: 60 }, (_, index) => (
        <LazyComponent key={index} {...args}>
          <Card index={index} />
        </LazyComponent>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Card 0'));
    // The last card is thousands of pixels below: it must still be a placeholder.
    expect(canvasElement.textContent).not.toContain('Card 59');
  },
};

/** The component's code is fetched only when the box becomes visible. */
export const LoadOnVisible: Story = {
  render: (args) => (
    <LazyComponent
      {...args}
      load={() => import('./support/SlowChart')}
      componentProps={{ title: 'Monthly sales' }}
    />
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('figure')?.textContent).toContain('Monthly sales'),
    );
  },
};
