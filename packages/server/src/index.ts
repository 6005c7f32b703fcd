export type { ImageManifest, ImagePlaceholder, ImageSource } from '@perfkit/react';
export { ErrorCode, expected, invalidOption, PerfkitError } from './errors.js';
