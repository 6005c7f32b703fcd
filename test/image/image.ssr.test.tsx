import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type ImageManifest, LazyImage, ProgressiveImage } from '../../src';

describe('LazyImage on the server', () => {
  it('renders a real <img> with its size and native lazy loading, inside a box of the same ratio', () => {
    const html = renderToString(
      <LazyImage
        src="/a.jpg"
        srcSet="/a-480.jpg 480w, /a.jpg 960w"
        sizes="50vw"
        alt="A"
        width={960}
        height={640}
      />,
    );
    const img = html.match(/<img [^>]*>/)?.[0] ?? '';
    expect(img).toContain('src="/a.jpg"');
    expect(img).toContain('srcSet="/a-480.jpg 480w, /a.jpg 960w"');
    expect(img).toContain('sizes="50vw"');
    expect(img).toContain('alt="A"');
    expect(img).toContain('width="960"');
    expect(img).toContain('height="640"');
    expect(img).toContain('loading="lazy"');
    expect(img).toContain('decoding="async"');
    // Visible without JavaScript: never hidden for a fade in server HTML.
    expect(img).not.toContain('opacity');
    expect(html).toContain('aspect-ratio:960/640');
  });

  it('renders a priority image eager with fetchpriority="high"', () => {
    const html = renderToString(<LazyImage priority src="/hero.jpg" alt="Hero" width={1200} height={600} />);
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchPriority="high"');
  });
});

describe('ProgressiveImage on the server', () => {
  it('renders <picture>, the lazy <img> and the dominant colour, without touching canvas', () => {
    const manifest: ImageManifest = {
      width: 800,
      height: 600,
      src: '/p-800.jpg',
      sources: [
        { type: 'image/avif', srcSet: '/p-400.avif 400w, /p-800.avif 800w' },
        { type: 'image/jpeg', srcSet: '/p-400.jpg 400w, /p-800.jpg 800w' },
      ],
      placeholder: { thumbhash: 'XggGFYKwKZOqiImXibepqFBkBoeU', color: '#806040' },
    };
    const html = renderToString(<ProgressiveImage image={manifest} alt="P" sizes="100vw" />);
    expect(html).toContain('<picture><source type="image/avif" srcSet="/p-400.avif 400w, /p-800.avif 800w"');
    expect(html).toContain('<source type="image/jpeg"');
    expect(html).toMatch(/<img [^>]*src="\/p-800.jpg"[^>]*loading="lazy"/);
    expect(html).toContain('background:#806040');
  });
});
