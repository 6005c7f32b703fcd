import { act, cleanup, render } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { getObserverStats, LazyImage } from '../../src';
import { imageServer, nextFrames } from './support';

afterEach(() => cleanup());

function imgOf(container: HTMLElement) {
  return container.querySelector('img')!;
}

describe('LazyImage', () => {
  it('keeps layout shift at 0 while a column of images loads above text', async () => {
    const server = imageServer();
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>)
        shifts.push(entry.value);
    });
    observer.observe({ type: 'layout-shift' });
    const { container } = render(
      <div style={{ width: 300 }}>
        {[1, 2, 3].map((index) => (
          <LazyImage
            key={index}
            src={server.url('ok', `photo-${index}.jpg`, '?cls')}
            alt={`photo ${index}`}
            width={240}
            height={160}
            placeholder="#ddd"
          />
        ))}
        <p>Text below the images must not move.</p>
      </div>,
    );
    await expect
      .poll(() => [...container.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await nextFrames(3);
    observer.disconnect();
    expect(shifts).toEqual([]);
    expect(container.querySelector('span')!.getBoundingClientRect().height).toBe(160);
  });

  it('requests a priority image before any lazy one, with fetchpriority="high"', async () => {
    const server = imageServer();
    const { container } = render(
      <div>
        {[1, 2, 3].map((index) => (
          <LazyImage
            key={index}
            src={server.url('ok', `photo-${index}.jpg`)}
            alt=""
            width={120}
            height={80}
          />
        ))}
        <LazyImage priority src={server.url('ok', 'photo-4.jpg')} alt="hero" width={240} height={160} />
      </div>,
    );
    await expect.poll(async () => (await server.log()).length).toBe(4);
    // The order in which the browser started the fetches (arrival order at the server can differ slightly).
    const startedFetches = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes(server.url('ok', '')))
        .sort((a, b) => a.startTime - b.startTime)
        .map((entry) => new URL(entry.name).pathname);
    await expect.poll(() => startedFetches().length).toBe(4);
    const started = startedFetches();
    expect(started[0]).toBe(server.url('ok', 'photo-4.jpg'));
    const hero = container.querySelector('img[alt="hero"]')!;
    expect(hero.getAttribute('fetchpriority')).toBe('high');
    expect(hero.getAttribute('loading')).toBe('eager');
    expect(hero.getAttribute('style')).not.toContain('opacity');
  });

  it('shows the fallback node when the image answers 404', async () => {
    const server = imageServer();
    const onError = vi.fn();
    const { container } = render(
      <LazyImage
        src={server.url('missing', 'gone.jpg')}
        alt="gone"
        width={120}
        height={80}
        onError={onError}
        fallback={<span className="fallback">Image unavailable</span>}
      />,
    );
    await expect.poll(() => container.querySelector('.fallback')?.textContent).toBe('Image unavailable');
    expect(container.querySelector('img')).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('lets a fallback node fill the reserved box', async () => {
    const server = imageServer();
    const { container } = render(
      <LazyImage
        src={server.url('missing', 'gone.jpg', '?fill')}
        alt="gone"
        width={120}
        height={80}
        fallback={<span className="fallback" style={{ display: 'grid', height: '100%' }} />}
      />,
    );
    await expect.poll(() => container.querySelector('.fallback')).not.toBeNull();
    const box = container.querySelector('span')!.getBoundingClientRect();
    expect(box).toMatchObject({ width: 120, height: 80 });
    expect(container.querySelector('.fallback')!.getBoundingClientRect()).toMatchObject({
      x: box.x,
      y: box.y,
      width: 120,
      height: 80,
    });
  });

  it('makes exactly 3 requests with retry={2}, then gives up', async () => {
    const server = imageServer();
    const { container } = render(
      <LazyImage
        src={server.url('missing', 'flaky.jpg')}
        alt="flaky"
        width={120}
        height={80}
        retry={2}
        fallback={<span className="fallback">failed</span>}
      />,
    );
    // Backoff: 400 ms, then 800 ms.
    await expect.poll(() => container.querySelector('.fallback'), { timeout: 5000 }).not.toBeNull();
    expect(await server.log()).toEqual(['/missing/flaky.jpg', '/missing/flaky.jpg', '/missing/flaky.jpg']);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await server.log()).length).toBe(3);
  });

  it('loads fallbackSrc when src fails', async () => {
    const server = imageServer();
    const { container } = render(
      <LazyImage
        src={server.url('missing', 'gone.jpg')}
        fallbackSrc={server.url('ok', 'photo-2.jpg')}
        alt="with fallback"
        width={120}
        height={80}
      />,
    );
    await expect.poll(() => imgOf(container).complete && imgOf(container).naturalWidth).toBe(240);
    expect(imgOf(container).getAttribute('src')).toBe(server.url('ok', 'photo-2.jpg'));
  });

  it('keeps fallbackSrc once it has loaded instead of going back to the failed src', async () => {
    const server = imageServer();
    const onLoad = vi.fn();
    const { container } = render(
      <LazyImage
        src={server.url('missing', 'gone.jpg', '?stays')}
        fallbackSrc={server.url('ok', 'photo-3.jpg', '?stays')}
        alt="stays"
        width={120}
        height={80}
        onLoad={onLoad}
      />,
    );
    await expect.poll(() => onLoad.mock.calls.length).toBe(1);
    await expect.poll(() => getComputedStyle(imgOf(container)).opacity).toBe('1');
    await nextFrames(3);
    expect(imgOf(container).getAttribute('src')).toBe(server.url('ok', 'photo-3.jpg', '?stays'));
    expect(await server.log()).toEqual(['/missing/gone.jpg?stays', '/ok/photo-3.jpg?stays']);
  });

  it('loads a new src after the old one failed for good, instead of keeping the fallback', async () => {
    const server = imageServer();
    const image = (src: string) => (
      <LazyImage
        src={src}
        alt="changing"
        width={120}
        height={80}
        retry={1}
        fallback={<span className="fallback">failed</span>}
      />
    );
    const { container, rerender } = render(image(server.url('missing', 'gone.jpg', '?change')));
    await expect.poll(() => container.querySelector('.fallback'), { timeout: 5000 }).not.toBeNull();
    rerender(image(server.url('ok', 'photo-1.jpg', '?change')));
    await expect.poll(() => imgOf(container)?.complete && imgOf(container).naturalWidth).toBe(240);
    expect(container.querySelector('.fallback')).toBeNull();
    expect(await server.log()).toEqual([
      '/missing/gone.jpg?change',
      '/missing/gone.jpg?change',
      '/ok/photo-1.jpg?change',
    ]);
  });

  it('shows the placeholder again while a new src loads, then fades it in', async () => {
    const server = imageServer();
    const image = (src: string) => (
      <LazyImage src={src} alt="changing" width={240} height={160} placeholder="rgb(10, 20, 30)" />
    );
    const { container, rerender } = render(image(server.url('ok', 'photo-1.jpg', '?again')));
    const box = container.querySelector('span')!;
    await expect.poll(() => getComputedStyle(box).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    rerender(image(server.url('held', 'photo-2.jpg', '?again')));
    await expect.poll(async () => (await server.log()).length).toBe(2);
    await nextFrames(2);
    expect(getComputedStyle(box).backgroundColor).toBe('rgb(10, 20, 30)');
    expect(getComputedStyle(imgOf(container)).opacity).toBe('0');
    await server.release();
    await expect.poll(() => getComputedStyle(imgOf(container)).opacity).toBe('1');
    expect(imgOf(container).getAttribute('src')).toBe(server.url('held', 'photo-2.jpg', '?again'));
  });

  it('shows the placeholder until loaded, fades the image in after decoding, then drops the placeholder', async () => {
    const server = imageServer();
    const onLoad = vi.fn();
    const { container } = render(
      <LazyImage
        src={server.url('held', 'photo-3.jpg')}
        alt="held"
        width={240}
        height={160}
        placeholder="rgb(10, 20, 30)"
        onLoad={onLoad}
      />,
    );
    const box = container.querySelector('span')!;
    await expect.poll(async () => (await server.log()).length).toBe(1);
    await nextFrames(2);
    expect(getComputedStyle(box).backgroundColor).toBe('rgb(10, 20, 30)');
    expect(getComputedStyle(imgOf(container)).opacity).toBe('0');
    await server.release();
    await expect.poll(() => onLoad.mock.calls.length).toBe(1);
    await expect.poll(() => getComputedStyle(imgOf(container)).opacity).toBe('1');
    await expect.poll(() => getComputedStyle(box).backgroundColor).toBe('rgba(0, 0, 0, 0)');
  });

  it('renders a React node placeholder and shows the image without a fade when fade={false}', async () => {
    const server = imageServer();
    const { container } = render(
      <LazyImage
        src={server.url('ok', 'photo-1.jpg')}
        alt="no fade"
        width={240}
        height={160}
        fade={false}
        placeholder={<em className="placeholder">loading…</em>}
      />,
    );
    expect(container.querySelector('.placeholder')).not.toBeNull();
    await expect.poll(() => container.querySelector('.placeholder')).toBeNull();
    expect(imgOf(container).style.transition).toBe('');
    expect(getComputedStyle(imgOf(container)).opacity).toBe('1');
  });

  it('does not flash its placeholder when an already loaded image is mounted again', async () => {
    const server = imageServer();
    const image = (
      <LazyImage
        src={server.url('ok', 'photo-2.jpg', '?again')}
        alt="again"
        width={240}
        height={160}
        placeholder="red"
      />
    );
    const first = render(image);
    await expect.poll(() => getComputedStyle(imgOf(first.container)).opacity).toBe('1');
    first.unmount();

    const second = render(image);
    // Synchronously after mount: the image is there, visible, with no placeholder behind it.
    expect(imgOf(second.container).getAttribute('src')).toBe(server.url('ok', 'photo-2.jpg', '?again'));
    expect(imgOf(second.container).style.opacity).toBe('');
    expect(second.container.querySelector('span')!.style.background).toBe('');
  });

  it('renders <picture> with one <source> per format and loads the one the browser picks', async () => {
    const server = imageServer();
    const sources = [
      { type: 'image/avif', srcSet: `${server.url('ok', 'photo-1.avif')} 240w` },
      { type: 'image/webp', srcSet: `${server.url('ok', 'photo-1.webp')} 240w` },
    ];
    const { container } = render(
      <LazyImage
        src={server.url('ok', 'photo-1.jpg')}
        sources={sources}
        sizes="240px"
        alt="formats"
        width={240}
        height={160}
      />,
    );
    await expect.poll(async () => server.log()).toEqual(['/ok/photo-1.avif']);
    const rendered = [...container.querySelectorAll('picture source')].map((source) => [
      source.getAttribute('type'),
      source.getAttribute('srcset'),
    ]);
    expect(rendered).toEqual(sources.map((source) => [source.type, source.srcSet]));
  });

  it('stops observing and leaves no scroll listener when unmounted before loading', async () => {
    const server = imageServer();
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const { unmount } = render(
      <div style={{ paddingTop: 2000 }}>
        <LazyImage src={server.url('ok', 'photo-1.jpg', '?far')} alt="far" width={240} height={160} />
      </div>,
    );
    await expect.poll(() => getObserverStats().elements).toBe(1);
    await nextFrames(2);
    act(() => unmount());
    expect(getObserverStats()).toEqual({ observers: 0, elements: 0 });
    const scrollAdds = added.mock.calls.filter(([type]) => type === 'scroll').length;
    const scrollRemoves = removed.mock.calls.filter(([type]) => type === 'scroll').length;
    expect(scrollAdds).toBe(scrollRemoves);
    expect(await server.log()).toEqual([]);
  });

  it('calls onVisible once when the image starts loading', async () => {
    const server = imageServer();
    const onVisible = vi.fn();
    render(
      <LazyImage
        src={server.url('ok', 'photo-4.jpg')}
        alt=""
        width={240}
        height={160}
        onVisible={onVisible}
      />,
    );
    await expect.poll(() => onVisible.mock.calls.length).toBe(1);
    await nextFrames(3);
    expect(onVisible).toHaveBeenCalledTimes(1);
  });

  it('hydrates server HTML without errors, keeping the server <img>, then drops the placeholder once loaded', async () => {
    const server = imageServer();
    const errors = vi.spyOn(console, 'error');
    const props = {
      src: server.url('ok', 'photo-3.jpg', '?ssr'),
      alt: 'hydrated',
      width: 240,
      height: 160,
      placeholder: '#ccc',
    };
    const element = <LazyImage {...props} />;
    const host = document.createElement('div');
    host.innerHTML = await commands.renderLazyImageOnServer(props);
    document.body.append(host);
    const serverImg = host.querySelector('img')!;
    expect(serverImg.getAttribute('loading')).toBe('lazy');
    const root = await act(async () => hydrateRoot(host, element));
    await expect.poll(() => serverImg.complete && serverImg.naturalWidth).toBe(240);
    await expect.poll(() => host.querySelector('span')!.style.background).toBe('');
    expect(host.querySelector('img')).toBe(serverImg);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    act(() => root.unmount());
    host.remove();
  });

  it('leaves native lazy loading to the images it hydrates: one mounted on the client afterwards waits for the observer', async () => {
    const server = imageServer();
    const props = {
      src: server.url('ok', 'photo-3.jpg', '?ssr-below'),
      alt: 'below',
      width: 240,
      height: 160,
    };
    const host = document.createElement('div');
    host.style.marginTop = '5000px';
    host.innerHTML = await commands.renderLazyImageOnServer(props);
    document.body.append(host);
    const root = await act(async () => hydrateRoot(host, <LazyImage {...props} />));
    // Far below the fold, the hydrated image keeps the server's native lazy <img>, not yet loaded.
    expect(host.querySelector('img')!.getAttribute('loading')).toBe('lazy');
    const later = render(
      <div style={{ marginTop: 5000 }}>
        <LazyImage src={server.url('ok', 'photo-4.jpg', '?after-ssr')} alt="later" width={240} height={160} />
      </div>,
    );
    await nextFrames(3);
    expect(later.container.querySelector('img')).toBeNull();
    expect(await server.log()).toEqual([]);
    later.unmount();
    act(() => root.unmount());
    host.remove();
  });
});

describe('LazyImage layering', () => {
  it('positions neither the box nor the image of a colour placeholder, so no image costs a paint layer', async () => {
    const server = imageServer();
    const { container } = render(
      <LazyImage
        src={server.url('held', 'photo-1.jpg', '?layers')}
        alt="flat"
        width={240}
        height={160}
        placeholder="#ddd"
      />,
    );
    const box = container.querySelector('span')!;
    await expect.poll(async () => (await server.log()).length).toBe(1);
    expect(getComputedStyle(box).position).toBe('static');
    expect(getComputedStyle(imgOf(container)).position).toBe('static');
    await server.release();
    await expect.poll(() => getComputedStyle(imgOf(container)).opacity).toBe('1');
    expect(getComputedStyle(box).position).toBe('static');
    expect(imgOf(container).getBoundingClientRect()).toMatchObject({ width: 240, height: 160 });
    expect(box.getBoundingClientRect()).toMatchObject({ width: 240, height: 160 });
  });

  it('stacks the image above a node placeholder while it loads and fades in', async () => {
    const server = imageServer();
    const { container } = render(
      <LazyImage
        src={server.url('held', 'photo-2.jpg', '?stack')}
        alt="stacked"
        width={240}
        height={160}
        placeholder={<em className="placeholder">loading…</em>}
      />,
    );
    await expect.poll(async () => (await server.log()).length).toBe(1);
    const rect = container.querySelector('span')!.getBoundingClientRect();
    expect(container.querySelector('.placeholder')).not.toBeNull();
    expect(document.elementFromPoint(rect.x + 120, rect.y + 80)).toBe(imgOf(container));
    await server.release();
    await expect.poll(() => container.querySelector('.placeholder')).toBeNull();
    expect(document.elementFromPoint(rect.x + 120, rect.y + 80)).toBe(imgOf(container));
  });
});

describe('LazyImage boxes', () => {
  it('gives each image the box of its own size, placeholder and style, also when rendered one after another', async () => {
    const server = imageServer();
    const shared = { verticalAlign: 'top' };
    const boxes = (firstWidth: number) =>
      [
        { width: firstWidth, height: 160, placeholder: '#ff0000', style: shared },
        { width: 160, height: 160, placeholder: '#0000ff', style: shared },
        { width: 240, height: 160, placeholder: '#ff0000', style: shared },
        { width: 240, height: 160, placeholder: '#ff0000', style: { outline: '2px solid #00ff00' } },
      ].map((box, index) => (
        <LazyImage key={index} src={server.url('held', `photo-${index + 1}.jpg`, '?boxes')} alt="" {...box} />
      ));
    const { container, rerender } = render(<div style={{ width: 1000 }}>{boxes(240)}</div>);
    const spans = () => [...container.querySelectorAll<HTMLElement>(':scope > div > span')];
    const seen = () =>
      spans().map((span) => {
        const { width, height } = span.getBoundingClientRect();
        const style = getComputedStyle(span);
        return [width, height, style.backgroundColor, style.outlineStyle];
      });
    expect(seen()).toEqual([
      [240, 160, 'rgb(255, 0, 0)', 'none'],
      [160, 160, 'rgb(0, 0, 255)', 'none'],
      [240, 160, 'rgb(255, 0, 0)', 'none'],
      [240, 160, 'rgb(255, 0, 0)', 'solid'],
    ]);
    rerender(<div style={{ width: 1000 }}>{boxes(120)}</div>);
    expect(seen().map(([width]) => width)).toEqual([120, 160, 240, 240]);
    await server.release();
  });
});
