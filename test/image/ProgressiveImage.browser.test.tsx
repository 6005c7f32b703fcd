import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type ImageManifest, ProgressiveImage, thumbHashToDataURL } from '../../src';
import hashes from '../fixtures/images/thumbhashes.json';
import { imageServer, nextFrames } from './support';

afterEach(() => cleanup());

function manifestFor(server: ReturnType<typeof imageServer>, mode: 'ok' | 'held'): ImageManifest {
  return {
    width: 240,
    height: 160,
    src: server.url(mode, 'photo-1.jpg'),
    sources: [
      { type: 'image/avif', srcSet: `${server.url(mode, 'photo-1.avif')} 240w` },
      { type: 'image/webp', srcSet: `${server.url(mode, 'photo-1.webp')} 240w` },
      { type: 'image/jpeg', srcSet: `${server.url(mode, 'photo-1.jpg')} 240w` },
    ],
    placeholder: { thumbhash: hashes['photo-1'], color: '#6b6256' },
  };
}

describe('ProgressiveImage', () => {
  it('paints the ThumbHash placeholder before the full image arrives, then the image replaces it', async () => {
    const server = imageServer();
    const { container } = render(
      <ProgressiveImage image={manifestFor(server, 'held')} alt="market" sizes="240px" />,
    );
    const box = container.querySelector('span')!;
    // No <img> is created before the image is near; this one is in view, so it appears at once.
    await expect.poll(() => container.querySelector('img')).not.toBeNull();
    const img = container.querySelector('img')!;
    await expect.poll(async () => (await server.log()).length).toBe(1);
    await nextFrames(2);
    // The response is held: what is painted is the decoded hash, scaled over the reserved 240x160 box.
    expect(getComputedStyle(box).backgroundImage).toContain(thumbHashToDataURL(hashes['photo-1']));
    expect(box.getBoundingClientRect()).toMatchObject({ width: 240, height: 160 });
    expect(img.complete && img.naturalWidth > 0).toBe(false);
    expect(getComputedStyle(img).opacity).toBe('0');

    await server.release();
    await expect.poll(() => img.complete && img.naturalWidth).toBe(240);
    await expect.poll(() => getComputedStyle(img).opacity).toBe('1');
    await expect.poll(() => getComputedStyle(box).backgroundImage).toBe('none');
  });

  it('renders <picture> whose sources match the manifest, with the manifest src as the <img> fallback', async () => {
    const server = imageServer();
    const manifest = manifestFor(server, 'ok');
    const { container } = render(
      <ProgressiveImage image={manifest} alt="market" sizes="(min-width: 800px) 50vw, 100vw" />,
    );
    await expect.poll(() => container.querySelector('source')?.getAttribute('srcset')).toBeTruthy();
    const sources = [...container.querySelectorAll('picture > source')].map((source) => ({
      type: source.getAttribute('type'),
      srcSet: source.getAttribute('srcset'),
      sizes: source.getAttribute('sizes'),
    }));
    expect(sources).toEqual(
      manifest.sources.map((source) => ({ ...source, sizes: '(min-width: 800px) 50vw, 100vw' })),
    );
    const img = container.querySelector('picture > img')!;
    expect(img.getAttribute('src')).toBe(manifest.src);
    expect(img.getAttribute('width')).toBe('240');
    expect(img.getAttribute('height')).toBe('160');
  });

  it('shows the colour and decodes no hash while the image is far from the viewport', async () => {
    const server = imageServer();
    const { container } = render(
      <div style={{ paddingTop: 5000 }}>
        <ProgressiveImage image={manifestFor(server, 'ok')} alt="far" />
      </div>,
    );
    await nextFrames(3);
    const box = container.querySelector('span')!;
    expect(getComputedStyle(box).backgroundColor).toBe('rgb(107, 98, 86)');
    expect(getComputedStyle(box).backgroundImage).toBe('none');
    expect(await server.log()).toEqual([]);
  });
});
