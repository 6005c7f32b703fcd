export { getDominantColor } from './color.js';
export { restrictImageLoaders } from './decode.js';
export { ImageErrorCode } from './errors.js';
export { type ImageHandlerOptions, imageHandler, type VariantStore } from './handler.js';
export { toImageManifest } from './manifest.js';
export { convertFormat, getDimensions, optimizeImage } from './optimize.js';
export { DEFAULT_LIMITS, DEFAULT_PRESETS } from './options.js';
export { generateBlurPlaceholder } from './placeholder.js';
export { createImageQueue, type ImageQueue, type ImageQueueOptions } from './queue.js';
export { generateResponsiveSizes } from './responsive.js';
export { type SniffedType, sniffImageType } from './sniff.js';
export type {
  BlurPlaceholder,
  DecodeLimits,
  DominantColor,
  GeneratedFile,
  ImageInput,
  OptimizeOptions,
  OptimizeResult,
  ResponsiveImage,
  ResponsiveOptions,
  SizePreset,
} from './types.js';
export { ImageFormat } from './types.js';
export { type ImageUploadOptions, imageUpload, type UploadType } from './upload.js';
