import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { LazyVideo } from '../src';
import clip from '../test/fixtures/video/clip.webm?url';
import poster from '../test/fixtures/video/poster.svg?url';

const meta = {
  title: 'Components/LazyVideo',
  component: LazyVideo,
  args: {
    sources: [{ src: clip, type: 'video/webm' }],
    poster,
    width: 320,
    height: 180,
    autoPlay: true,
    loop: true,
    fallback: <p>This video cannot be played.</p>,
  },
} satisfies Meta<typeof LazyVideo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Scroll: each video loads only when near and plays only while at least half visible. */
export const AutoplayFeed: Story = {
  render: (args) => (
    <div style={{ height: 400, overflow: 'auto', display: 'grid', gap: 300 }}>
      {Array.from({ length: 6 }, (_, index) => (
        <LazyVideo key={index} {...args} data-index={index} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const videos = canvasElement.querySelectorAll('video');
    await waitFor(() => expect(videos[0]!.querySelector('source')).not.toBeNull());
    // The last video is far below: nothing but its poster is requested.
    expect(videos[5]!.querySelector('source')).toBeNull();
    expect(videos[5]!.preload).toBe('none');
  },
};

/** The file is missing: the fallback takes the video's box. */
export const FailingNetwork: Story = {
  args: { sources: [{ src: '/missing/video.webm', type: 'video/webm' }] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('This video cannot be played.'));
  },
};
