import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { LazyEmbed } from '../src';
import poster from '../test/fixtures/video/poster.svg?url';

const meta = {
  title: 'Components/LazyEmbed',
  component: LazyEmbed,
  args: {
    src: poster,
    title: 'Launch video',
    poster,
    width: 560,
    height: 315,
    loadOn: 'click',
  },
} satisfies Meta<typeof LazyEmbed>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A facade: the frame (and everything the embed would load) is created only on click. */
export const ClickToLoad: Story = {
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('iframe')).toBeNull();
    await userEvent.click(canvasElement.querySelector('button')!);
    await waitFor(() => expect(canvasElement.querySelector('iframe')).not.toBeNull());
  },
};

/** Scroll down: the frame is created when it comes within rootMargin. */
export const LoadWhenVisible: Story = {
  args: { loadOn: 'visible' },
  render: (args) => (
    <div style={{ height: 400, overflow: 'auto' }}>
      <div style={{ height: 900 }}>Scroll down</div>
      <LazyEmbed {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('iframe')).toBeNull();
  },
};

/** The embed's page is missing: the frame shows the error page the host sends, and the page goes on. */
export const FailingNetwork: Story = {
  args: { src: '/missing/embed' },
  play: async ({ canvasElement }) => {
    await userEvent.click(canvasElement.querySelector('button')!);
    await waitFor(() =>
      expect(canvasElement.querySelector('iframe')?.getAttribute('src')).toContain('/missing/embed'),
    );
  },
};
