export type { ImageManifest, ImagePlaceholder, ImageSource } from '@perfkit/react';
export { CacheManager, createCacheManager } from './cache/CacheManager.js';
export type { InvalidateSpec, InvalidateTargets } from './cache/invalidate.js';
export type { CacheMiddlewareOptions, CacheRequest } from './cache/middleware.js';
export type { InvalidationGroupName, NamedStrategy, TtlStrategyName } from './cache/strategies.js';
export { InvalidationGroups, TtlStrategies } from './cache/strategies.js';
export type {
  CacheManagerOptions,
  CacheStats,
  CacheStore,
  CacheStrategy,
  WrapOptions,
} from './cache/types.js';
export { CacheStatus } from './cache/types.js';
export { ErrorCode, expected, invalidOption, PerfkitError } from './errors.js';
export * from './image/index.js';
