// One budget per public export: importing one thing must not pull in the rest. Measured as an app's
// production bundle would carry it (minified, gzip, NODE_ENV=production so dev-only checks drop out).
const production = (config) => {
  config.define = { ...config.define, 'process.env.NODE_ENV': '"production"' };
  return config;
};

const entry = (name, limit, path = 'dist/index.js') => ({
  name,
  path,
  import: `{ ${name} }`,
  ignore: ['react', 'react-dom', 'react/jsx-runtime', 'react-router', 'react-router-dom'],
  gzip: true,
  limit,
  modifyEsbuildConfig: production,
});

export default [
  entry('useLazyLoad', '775 B'),
  entry('LazyComponent', '1.01 KB'),
  entry('LazyImage', '1980 B'),
  entry('ProgressiveImage', '3000 B'),
  entry('VirtualList', '4150 B'),
  entry('VirtualGrid', '4570 B'),
  entry('InfiniteScroll', '1590 B'),
  entry('useInfiniteLoader', '975 B'),
  entry('LazyVideo', '1.35 KB'),
  entry('LazyEmbed', '1.59 KB'),
  entry('lazyWithPreload', '700 B'),
  entry('RouteSuspense', '1 KB'),
  entry('lazyRoute', '1.05 KB', 'dist/router.js'),
  entry('mockIntersectionObserver', '1.25 KB', 'dist/testing.js'),
  entry('useListRestoration', '300 B', 'dist/router.js'),
  entry('PrefetchLink', '1.22 KB', 'dist/router.js'),
  {
    name: 'whole package',
    path: 'dist/index.js',
    import: '*',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    gzip: true,
    limit: '12100 B',
    modifyEsbuildConfig: production,
  },
];
