import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { LazyImage } from '../src';
import photo1 from '../test/fixtures/images/photo-1.jpg';
import photo2 from '../test/fixtures/images/photo-2.jpg';
import photo3 from '../test/fixtures/images/photo-3.jpg';
import photo4 from '../test/fixtures/images/photo-4.jpg';

const photos = [photo1, photo2, photo3, photo4];

const meta = {
  title: 'Components/LazyImage',
  component: LazyImage,
  args: {
    src: photo1,
    alt: 'Market place (Kodak, Alfons Rudolph)',
    width: 240,
    height: 160,
    placeholder: '#d8d2c8',
  },
  argTypes: {
    rootMargin: { control: 'text', description: 'How far ahead images load once the user scrolls.' },
    fade: { control: 'boolean' },
    priority: { control: 'boolean' },
    retry: { control: { type: 'number', min: 0, max: 5 } },
  },
} satisfies Meta<typeof LazyImage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One image: the box is reserved from width and height, the colour shows until the image fades in. */
export const Basic: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => {
      const img = canvasElement.querySelector('img');
      expect(img?.complete && img.naturalWidth > 0).toBe(true);
    });
  },
};

/** 200 images in a scroll box, all on one IntersectionObserver. Scroll: the next screens load ahead. */
export const ScrollingGrid: Story = {
  render: (args) => (
    <div
      style={{
        height: 400,
        width: 520,
        overflow: 'auto',
        display: 'grid',
        gridTemplateColumns: 'repeat(2, 1fr)',
        gap: 8,
      }}
    >
      {Array.from({ length: 200 }, (_, index) => (
        <LazyImage
          key={index}
          {...args}
          src={`${photos[index % 4]}?copy=${index}`}
          alt={`Photo ${index + 1}`}
          placeholder={['#c9b8a6', '#a9b9c9', '#b6c4a2', '#c4a2b6'][index % 4]}
        />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('img[alt="Photo 1"]')).not.toBeNull());
    // Far below the box: no <img> yet.
    expect(canvasElement.querySelector('img[alt="Photo 200"]')).toBeNull();
  },
};

/** The above-the-fold hero: loads at once with fetchpriority="high", no fade. */
export const Priority: Story = {
  args: { priority: true, src: photo4, alt: 'Two macaws (Kodak, Steve Kelly)' },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('img')?.getAttribute('fetchpriority')).toBe('high');
  },
};

/** A missing image: two retries with backoff, then the fallback. */
export const ErrorFallback: Story = {
  args: {
    src: '/no-such-image.jpg',
    alt: 'Missing',
    retry: 1,
    fallback: (
      <span style={{ display: 'grid', placeItems: 'center', height: '100%', background: '#eee' }}>
        Image unavailable
      </span>
    ),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('Image unavailable'), { timeout: 4000 });
  },
};

/**
 * Slow network: open DevTools → Network → "Slow 4G" (or "3G") and reload. Each box shows its placeholder (a
 * colour, a data URL or any React node) at once, and the image fades in only once it has arrived and decoded.
 */
export const SlowNetwork: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      <LazyImage {...args} src={`${photo2}?slow=1`} placeholder="#9aa7b4" alt="Colour placeholder" />
      <LazyImage
        {...args}
        src={`${photo3}?slow=2`}
        alt="Node placeholder"
        placeholder={<span style={{ display: 'grid', placeItems: 'center', height: '100%' }}>Loading…</span>}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    // The placeholder is part of the first render, before any byte of the image.
    expect(canvasElement.textContent).toContain('Loading…');
    await waitFor(() => expect(canvasElement.textContent).not.toContain('Loading…'));
  },
};
