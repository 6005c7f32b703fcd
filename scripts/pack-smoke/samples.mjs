// One sample per public export, keyed by entry point. A component sample renders it to a string and says
// what the HTML must contain; a hook sample renders a component that calls it; other functions are called.
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom';

const html = (element, expect) => ({ html: renderToString(element), expect });
const hook = (h, use, expect) =>
  html(
    h(function Probe() {
      return h('output', null, String(use()));
    }),
    expect,
  );

// A manifest as @perfkit/server writes it: two formats, a colour placeholder.
const manifest = {
  width: 1200,
  height: 800,
  sources: [
    { type: 'image/avif', srcSet: '/img/a.avif?w=640 640w, /img/a.avif?w=1200 1200w' },
    { type: 'image/jpeg', srcSet: '/img/a.jpg?w=640 640w, /img/a.jpg?w=1200 1200w' },
  ],
  src: '/img/a.jpg?w=1200',
  placeholder: { color: '#336699' },
};

export const samples = {
  '@perfkit/react': {
    LazyImage: ({ h, m }) =>
      html(h(m.LazyImage, { src: '/a.jpg', alt: 'a cat', width: 300, height: 200 }), 'loading="lazy"'),
    ProgressiveImage: ({ h, m }) =>
      html(h(m.ProgressiveImage, { image: manifest, alt: 'a dog' }), 'image/avif'),
    thumbHashToColor: ({ m }) => {
      const colour = m.thumbHashToColor('1QcSHQRnh493V4dIh4eXh1h4kJUI');
      if (!/^(#|rgb)/.test(colour)) throw new Error(`thumbHashToColor gave ${colour}`);
    },
    thumbHashToDataURL: ({ m }) => {
      // It draws on a canvas: on the server it must say so and point to the alternative, not crash inside.
      let message = '';
      try {
        m.thumbHashToDataURL('1QcSHQRnh493V4dIh4eXh1h4kJUI');
      } catch (error) {
        message = String(error.message);
      }
      if (!message.includes('thumbHashToColor'))
        throw new Error(`thumbHashToDataURL on the server: ${message}`);
    },
    VirtualList: ({ h, m }) =>
      html(
        h(m.VirtualList, { count: 1000, itemSize: 40, initialItemCount: 3 }, (index) =>
          h('p', null, `row ${index}`),
        ),
        'row 2',
      ),
    VirtualGrid: ({ h, m }) =>
      html(
        h(m.VirtualGrid, { count: 1000, columns: 3, itemSize: 40, initialItemCount: 3 }, (index) =>
          h('p', null, `cell ${index}`),
        ),
        'cell 2',
      ),
    InfiniteScroll: ({ h, m }) =>
      html(
        h(
          m.InfiniteScroll,
          { hasMore: true, loadMore: async () => {}, loader: h('i', null, 'loading') },
          h('p', null, 'post'),
        ),
        'post',
      ),
    useInfiniteLoader: ({ h, m }) =>
      hook(h, () => m.useInfiniteLoader({ hasMore: false, loadMore: async () => {} }).isLoading, 'false'),
    LazyVideo: ({ h, m }) =>
      html(
        h(m.LazyVideo, {
          sources: [{ src: '/clip.webm', type: 'video/webm' }],
          poster: '/clip.jpg',
          width: 320,
          height: 180,
        }),
        'poster="/clip.jpg"',
      ),
    LazyEmbed: ({ h, m }) =>
      html(
        h(m.LazyEmbed, { src: 'https://player.example.com/e/1', title: 'Intro', width: 560, height: 315 }),
        'Play: Intro',
      ),
    ChunkErrorBoundary: ({ h, m }) => html(h(m.ChunkErrorBoundary, null, h('p', null, 'page')), 'page'),
    ChunkErrorFallback: ({ h, m }) =>
      html(h(m.ChunkErrorFallback, { error: new Error('x'), retry: () => {} }), 'button'),
    isChunkLoadError: ({ m }) => {
      const stale = new TypeError('Failed to fetch dynamically imported module: /assets/Shop-1a2b.js');
      if (!m.isChunkLoadError(stale) || m.isChunkLoadError(new Error('boom')))
        throw new Error('isChunkLoadError misjudged a chunk error');
    },
    lazyWithPreload: ({ m }) => {
      const Page = m.lazyWithPreload(() => Promise.resolve({ default: () => null }));
      if (typeof Page.preload !== 'function') throw new Error('lazyWithPreload has no preload()');
    },
    loadChunk: ({ m }) => {
      if (!(m.loadChunk(() => Promise.resolve(1)) instanceof Promise))
        throw new Error('loadChunk is not async');
    },
    PageLoader: ({ h, m }) => html(h(m.PageLoader, { label: 'Loading page' }), 'Loading page'),
    preloadOnIdle: ({ m }) => {
      // On the server there is no idle time to use: it must do nothing and hand back a cancel function.
      const cancel = m.preloadOnIdle([]);
      if (typeof cancel !== 'function') throw new Error('preloadOnIdle returned no cancel function');
      cancel();
    },
    RouteSuspense: ({ h, m }) => html(h(m.RouteSuspense, null, h('p', null, 'page')), 'page'),
    LazyComponent: ({ h, m }) =>
      html(
        h(m.LazyComponent, { minHeight: 80, placeholder: h('i', null, 'wait') }, 'content'),
        'min-height:80px',
      ),
    useLazyLoad: ({ h, m }) => hook(h, () => m.useLazyLoad().isVisible, 'false'),
    observe: ({ m }) => {
      if (typeof m.observe !== 'function') throw new Error('observe is not a function');
    },
    unobserve: ({ m }) => {
      // Stopping what was never observed does nothing, on the server as anywhere.
      m.unobserve({}, () => {}, { rootMargin: '10px' });
    },
    getObserverStats: ({ m }) => {
      const stats = m.getObserverStats();
      if (stats.observers !== 0) throw new Error('observers on the server');
    },
  },
  '@perfkit/react/router': {
    lazyRoute: ({ m }) => {
      if (typeof m.lazyRoute(() => Promise.resolve({ default: () => null })) !== 'function')
        throw new Error('lazyRoute did not return a lazy() function');
    },
    PrefetchLink: ({ h, m }) =>
      html(h(StaticRouter, { location: '/' }, h(m.PrefetchLink, { to: '/shop' }, 'Shop')), 'href="/shop"'),
    useListRestoration: ({ h, m }) =>
      html(
        h(
          StaticRouter,
          { location: '/shop' },
          h(function Probe() {
            return h('output', null, String(m.useListRestoration().initialState));
          }),
        ),
        'undefined',
      ),
    RouteErrorElement: ({ m }) => {
      if (typeof m.RouteErrorElement !== 'function') throw new Error('RouteErrorElement is not a component');
    },
  },
  '@perfkit/react/testing': {
    mockIntersectionObserver: ({ m }) => {
      const io = m.mockIntersectionObserver();
      if (typeof globalThis.IntersectionObserver !== 'function')
        throw new Error('no IntersectionObserver installed');
      io.restore();
      if (globalThis.IntersectionObserver !== undefined)
        throw new Error('restore() left an IntersectionObserver');
    },
  },
};
