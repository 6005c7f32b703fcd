import sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { invalidOption } from '../errors.js';
import { decodeTiny } from './color.js';
import { isPositiveInteger } from './options.js';
import { type RawImage, rawInput, resizeRaw } from './raw.js';
import type { BlurPlaceholder, DecodeLimits, ImageInput } from './types.js';

/** ThumbHash reads at most 100x100 px. */
export const THUMBHASH_MAX = 100;

/** Builds both placeholders from pixels already decoded small (the pipeline's smallest derivative). */
export async function placeholderFromRaw(raw: RawImage, size = 20): Promise<BlurPlaceholder> {
  const fits = raw.width <= THUMBHASH_MAX && raw.height <= THUMBHASH_MAX && raw.channels === 4;
  const small = fits ? raw : await resizeRaw(raw, THUMBHASH_MAX, THUMBHASH_MAX, 'inside', true);
  const hash = rgbaToThumbHash(small.width, small.height, small.data);
  const preview = await sharp(small.data, rawInput(small))
    .resize(size, size, { fit: 'inside' })
    .webp({ quality: 50, alphaQuality: 50, effort: 4 })
    .toBuffer();
  return {
    dataURL: `data:image/webp;base64,${preview.toString('base64')}`,
    thumbhash: Buffer.from(hash).toString('base64'),
  };
}

/**
 * A tiny preview (`size` px on the long edge, default 20) as a WebP data URL, and a ThumbHash string.
 *
 * @example
 * const { dataURL, thumbhash } = await generateBlurPlaceholder(buffer);
 */
export async function generateBlurPlaceholder(
  input: ImageInput,
  options: DecodeLimits & { size?: number } = {},
): Promise<BlurPlaceholder> {
  const api = 'generateBlurPlaceholder';
  const { size } = options;
  if (size !== undefined && !(isPositiveInteger(size) && size <= 64)) {
    throw invalidOption(api, 'integer between 1 and 64', 'size', size);
  }
  const raw = await decodeTiny(api, input, options);
  return placeholderFromRaw(raw, size);
}
