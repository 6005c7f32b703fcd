import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { LazyEmbed } from '../../src';
import { recordRequests, unique } from '../support/networkLog';

// A same-origin page stands in for the third-party player: what matters is when the frame is created.
const PLAYER = '/test/fixtures/video/poster.svg';

const { requestsFor } = recordRequests();

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  for (const link of document.head.querySelectorAll('link[rel="preconnect"]')) link.remove();
});

describe('LazyEmbed', () => {
  it('requests nothing of the embed until the play button is clicked, then starts it', async () => {
    const src = unique(PLAYER);
    const onActivate = vi.fn();
    render(<LazyEmbed src={src} title="Launch video" width={560} height={315} onActivate={onActivate} />);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(document.querySelector('iframe')).toBeNull();
    expect(requestsFor(src)).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Play: Launch video' }));
    const frame = document.querySelector('iframe')!;
    expect(frame.title).toBe('Launch video');
    expect(frame.getAttribute('src')).toBe(`${src}&autoplay=1`);
    expect(onActivate).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(requestsFor(src)).toBe(1));
  });

  it('reserves its box from width and height, so creating the frame moves nothing', async () => {
    render(
      <div style={{ width: 280 }}>
        <LazyEmbed src={unique(PLAYER)} title="Launch video" width={560} height={315} />
        <p data-testid="below">below</p>
      </div>,
    );
    const below = screen.getByTestId('below');
    const before = below.getBoundingClientRect().top;
    expect(screen.getByRole('button').getBoundingClientRect().height).toBeCloseTo(157.5, 0);
    await userEvent.click(screen.getByRole('button'));
    expect(below.getBoundingClientRect().top).toBe(before);
  });

  it('warms the connection to a third-party origin on hover, once per origin', async () => {
    render(
      <>
        <LazyEmbed src="https://player.example.com/embed/1" title="One" width={320} height={180} />
        <LazyEmbed src="https://player.example.com/embed/2" title="Two" width={320} height={180} />
      </>,
    );
    await userEvent.hover(screen.getByRole('button', { name: 'Play: One' }));
    await userEvent.hover(screen.getByRole('button', { name: 'Play: Two' }));
    const links = document.head.querySelectorAll('link[rel="preconnect"]');
    expect([...links].map((link) => link.getAttribute('href'))).toEqual(['https://player.example.com']);
  });

  it('with loadOn="visible" creates the frame only once it comes within rootMargin, without autoplay', async () => {
    const src = unique(PLAYER);
    const scroller = document.createElement('div');
    scroller.style.cssText = 'height:300px;overflow:auto;width:400px';
    document.body.append(scroller);
    render(
      <>
        <div style={{ height: 2000 }} />
        <LazyEmbed
          src={src}
          title="Map"
          width={320}
          height={180}
          loadOn="visible"
          root={scroller}
          rootMargin="100px"
        />
      </>,
      { container: scroller },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(scroller.querySelector('iframe')).toBeNull();
    scroller.scrollTop = 1650;
    await vi.waitFor(() => expect(scroller.querySelector('iframe')?.getAttribute('src')).toBe(src));
  });
});
