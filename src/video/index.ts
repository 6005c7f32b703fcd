export type { LazyVideoProps, VideoSource } from './LazyVideo';
export { LazyVideo } from './LazyVideo';
