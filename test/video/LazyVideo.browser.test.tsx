import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyVideo } from '../../src';
import { recordRequests, unique } from '../support/networkLog';

const CLIP = '/test/fixtures/video/clip.webm';
const POSTER = '/test/fixtures/video/poster.svg';

const { session, requestsFor } = recordRequests();

afterEach(async () => {
  cleanup();
  document.body.replaceChildren();
  await session.send('Emulation.setEmulatedMedia', { features: [] });
});

function scroller() {
  const element = document.createElement('div');
  element.style.cssText = 'height:400px;overflow:auto;width:400px';
  document.body.append(element);
  return element;
}

function FarVideo({ src, root, ...props }: { src: string; root: HTMLElement } & Record<string, unknown>) {
  return (
    <>
      <div style={{ height: 3000 }} />
      <LazyVideo
        data-testid="video"
        root={root}
        sources={[{ src, type: 'video/webm' }]}
        width={320}
        height={180}
        {...props}
      />
      <div style={{ height: 3000 }} />
    </>
  );
}

const videoElement = () => screen.getByTestId('video') as HTMLVideoElement;

describe('LazyVideo', () => {
  it('requests only the poster until it is near, then attaches its sources with preload="metadata"', async () => {
    const root = scroller();
    const src = unique(CLIP);
    const poster = unique(POSTER);
    render(<FarVideo src={src} poster={poster} root={root} />, { container: root });
    // The poster arriving proves requests are being recorded; the video file must not have been asked for.
    await expect.poll(() => requestsFor(poster)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestsFor(src)).toBe(0);
    expect(videoElement().preload).toBe('none');
    expect(videoElement().querySelector('source')).toBeNull();
    // The box is reserved before anything loads.
    expect(videoElement().getBoundingClientRect().height).toBe(180);

    root.scrollTop = 3000 - 400 - 100; // 100 px above the viewport's bottom edge: within the 200px margin
    await expect.poll(() => requestsFor(src)).toBeGreaterThan(0);
    expect(videoElement().preload).toBe('metadata');
    await expect.poll(() => videoElement().readyState).toBeGreaterThanOrEqual(1);
    expect(videoElement().getBoundingClientRect().height).toBe(180);
  });

  it('plays while at least half visible and pauses when scrolled out', async () => {
    const root = scroller();
    render(<FarVideo src={unique(CLIP)} root={root} autoPlay loop />, { container: root });
    expect(videoElement().paused).toBe(true);
    root.scrollTop = 3000 - 100; // fully in view
    await expect.poll(() => videoElement().paused).toBe(false);
    await expect.poll(() => videoElement().currentTime).toBeGreaterThan(0);
    root.scrollTop = 0; // far away again
    await expect.poll(() => videoElement().paused).toBe(true);
    root.scrollTop = 3000 - 400 + 60; // only 60 of 180 px visible: under half
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(videoElement().paused).toBe(true);
  });

  it('does not autoplay under prefers-reduced-motion and shows controls instead', async () => {
    await session.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
    const root = scroller();
    render(<FarVideo src={unique(CLIP)} root={root} autoPlay loop />, { container: root });
    root.scrollTop = 3000 - 100;
    await expect.poll(() => videoElement().readyState).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(videoElement().paused).toBe(true);
    expect(videoElement().controls).toBe(true);
  });

  it('renders fallback in the same box when no source can be played, and calls onVisible once', async () => {
    const root = scroller();
    let visible = 0;
    render(
      <FarVideo
        src={unique('/test/fixtures/video/missing.webm')}
        root={root}
        fallback={<p>Video unavailable</p>}
        onVisible={() => visible++}
      />,
      { container: root },
    );
    root.scrollTop = 3000 - 100;
    const message = await screen.findByText('Video unavailable');
    expect(message.parentElement!.getBoundingClientRect().height).toBe(180);
    expect(visible).toBe(1);
  });
});
