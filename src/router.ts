// `@perfkit/react/router`: the parts that import react-router-dom, kept out of the main entry so apps
// without react-router never resolve it.

export type { ListRestoration } from './restore/useListRestoration';
export { useListRestoration } from './restore/useListRestoration';
export type { LazyRoute, RouteModule } from './routes/lazyRoute';
export { lazyRoute } from './routes/lazyRoute';
export type { PrefetchLinkProps, PreloadMode } from './routes/PrefetchLink';
export { PrefetchLink } from './routes/PrefetchLink';
export type { RouteErrorElementProps } from './routes/RouteErrorElement';
export { RouteErrorElement } from './routes/RouteErrorElement';
