export type { LazyEmbedProps } from './embed/LazyEmbed';
export { LazyEmbed } from './embed/LazyEmbed';
export type { LazyImageProps } from './image/LazyImage';
export { LazyImage } from './image/LazyImage';
export type { ImageManifest, ImagePlaceholder, ImageSource } from './image/manifest';
export type { ProgressiveImageProps } from './image/ProgressiveImage';
export { ProgressiveImage } from './image/ProgressiveImage';
export { thumbHashToColor, thumbHashToDataURL } from './image/thumbhash';
export type {
  InfiniteDirection,
  InfiniteLoaderState,
  InfiniteScrollErrorProps,
  InfiniteScrollProps,
  LoadMore,
  LoadMoreContext,
  UseInfiniteLoaderOptions,
  UseInfiniteLoaderResult,
} from './infinite';
export { InfiniteScroll, useInfiniteLoader } from './infinite';
export type {
  Overscan,
  Range,
  ScrollAlign,
  ScrollToIndexOptions,
  VirtualGridCountProps,
  VirtualGridItemsProps,
  VirtualGridProps,
  VirtualListBaseProps,
  VirtualListCountProps,
  VirtualListHandle,
  VirtualListItemsProps,
  VirtualListProps,
  VirtualListState,
} from './list/types';
export { VirtualGrid } from './list/VirtualGrid';
export { VirtualList } from './list/VirtualList';
export type {
  ChunkErrorBoundaryProps,
  ChunkErrorFallbackProps,
  ChunkLoadOptions,
  PageLoaderProps,
  Preloadable,
  PreloadableComponent,
  PreloadOnIdleOptions,
  RouteSuspenseProps,
} from './routes';
export {
  ChunkErrorBoundary,
  ChunkErrorFallback,
  isChunkLoadError,
  lazyWithPreload,
  loadChunk,
  PageLoader,
  preloadOnIdle,
  RouteSuspense,
} from './routes';
export type { LazyVideoProps, VideoSource } from './video';
export { LazyVideo } from './video';
export type { LazyComponentProps } from './visibility/LazyComponent';
export { LazyComponent } from './visibility/LazyComponent';
export { getObserverStats, observe, unobserve } from './visibility/observe';
export type { ObserveOptions, ObserverRoot, VisibilityListener } from './visibility/types';
export type { UseLazyLoadOptions, UseLazyLoadResult } from './visibility/useLazyLoad';
export { useLazyLoad } from './visibility/useLazyLoad';
