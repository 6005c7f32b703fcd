export type {
  InfiniteLoaderState,
  LoadMore,
  LoadMoreContext,
} from './createInfiniteLoader';
export type { InfiniteScrollErrorProps, InfiniteScrollProps } from './InfiniteScroll';
export { InfiniteScroll } from './InfiniteScroll';
export type {
  InfiniteDirection,
  UseInfiniteLoaderOptions,
  UseInfiniteLoaderResult,
} from './useInfiniteLoader';
export { useInfiniteLoader } from './useInfiniteLoader';
