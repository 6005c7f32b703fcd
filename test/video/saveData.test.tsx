import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyVideo } from '../../src';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'connection');
});

// jsdom has no IntersectionObserver, so the video counts as near at once.
describe('given Save-Data', () => {
  it('attaches the sources but keeps preload="none" and shows controls instead of autoplaying', () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    const { container } = render(
      <LazyVideo sources={[{ src: '/clip.webm', type: 'video/webm' }]} width={320} height={180} autoPlay />,
    );
    const video = container.querySelector('video')!;
    expect(video.querySelectorAll('source')).toHaveLength(1);
    expect(video.getAttribute('preload')).toBe('none');
    expect(video.controls).toBe(true);
  });

  it('preloads metadata without Save-Data', () => {
    const { container } = render(<LazyVideo sources={[{ src: '/clip.webm' }]} width={320} height={180} />);
    expect(container.querySelector('video')!.getAttribute('preload')).toBe('metadata');
  });
});
