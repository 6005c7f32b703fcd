import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { type ImageManifest, ProgressiveImage, thumbHashToColor } from '../src';
import avif from '../test/fixtures/images/photo-1.avif';
import jpeg from '../test/fixtures/images/photo-1.jpg';
import webp from '../test/fixtures/images/photo-1.webp';
import hashes from '../test/fixtures/images/thumbhashes.json';

// What @perfkit/server's pipeline produces for one upload (here: the test fixtures, 240 px wide).
const manifest: ImageManifest = {
  width: 240,
  height: 160,
  src: jpeg,
  sources: [
    { type: 'image/avif', srcSet: `${avif} 240w` },
    { type: 'image/webp', srcSet: `${webp} 240w` },
    { type: 'image/jpeg', srcSet: `${jpeg} 240w` },
  ],
  // The pipeline's manifest carries the photo's colour; from a ThumbHash alone, thumbHashToColor gives it.
  placeholder: { thumbhash: hashes['photo-1'], color: thumbHashToColor(hashes['photo-1']) },
};

const meta = {
  title: 'Components/ProgressiveImage',
  component: ProgressiveImage,
  args: { image: manifest, alt: 'Market place (Kodak, Alfons Rudolph)', sizes: '240px' },
} satisfies Meta<typeof ProgressiveImage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `<picture>` with AVIF, WebP and JPEG sources; the ThumbHash shows until the image cross-fades in. */
export const FromManifest: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('picture source').length).toBe(3));
    await waitFor(() => {
      const img = canvasElement.querySelector('img');
      expect(img?.complete && img.naturalWidth > 0).toBe(true);
    });
  },
};

/** Each placeholder kind side by side: ThumbHash, the hash's average colour only, and a plain colour. */
export const Placeholders: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      <ProgressiveImage {...args} image={{ ...manifest, src: `${jpeg}?a` }} />
      <ProgressiveImage
        {...args}
        image={{ ...manifest, sources: [], src: `${jpeg}?b`, placeholder: { color: '#7d6f5f' } }}
      />
    </div>
  ),
};

/**
 * Slow network: open DevTools → Network → "Slow 4G" (or "3G") and reload. The blurred ThumbHash is painted in
 * the first frames, decoded in the browser from 28 bytes; the full image cross-fades over it when it arrives.
 */
export const SlowNetwork: Story = {
  args: {
    image: {
      ...manifest,
      src: `${jpeg}?slow`,
      sources: [{ type: 'image/jpeg', srcSet: `${jpeg}?slow 240w` }],
    },
  },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('span')!;
    await waitFor(() => expect(getComputedStyle(box).backgroundImage).toContain('data:image/png'));
  },
};
