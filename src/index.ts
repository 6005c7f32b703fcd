export type { ImageManifest, ImagePlaceholder, ImageSource } from './image/manifest';
export type { LazyComponentProps } from './visibility/LazyComponent';
export { LazyComponent } from './visibility/LazyComponent';
export { getObserverStats, observe } from './visibility/observe';
export type { ObserveOptions, ObserverRoot, VisibilityListener } from './visibility/types';
export type { UseLazyLoadOptions, UseLazyLoadResult } from './visibility/useLazyLoad';
export { useLazyLoad } from './visibility/useLazyLoad';
