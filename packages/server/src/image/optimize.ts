import { rename, writeFile } from 'node:fs/promises';
import { invalidOption } from '../errors.js';
import { guard, openImage, readInput } from './decode.js';
import { encode } from './encode.js';
import { ImageErrorCode, imageError } from './errors.js';
import { isPositiveInteger, resolveFormats, resolveLimits, resolveQuality } from './options.js';
import type { DecodeLimits, ImageFormat, ImageInput, OptimizeOptions, OptimizeResult } from './types.js';

const OURS = new Set<string>(['avif', 'webp', 'jpeg', 'png']);

/** Writes next to the target and renames, so a reader never sees half a file. */
export async function writeAtomic(path: string, data: Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/**
 * Resizes (never enlarging), re-encodes, auto-orients and strips metadata. Writes to `output` when
 * given, else returns the bytes in `data`.
 *
 * @example
 * const info = await optimizeImage('in.jpg', 'out.webp', { width: 800, format: 'webp', quality: 85 });
 * // { format: 'webp', width: 800, height: 533, size: 61234, path: 'out.webp' }
 */
export async function optimizeImage(
  input: ImageInput,
  output?: string,
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const api = 'optimizeImage';
  const limits = resolveLimits(api, options);
  for (const key of ['width', 'height', 'effort'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw invalidOption(api, 'non-negative integer', key, value);
    }
  }
  if (options.quality !== undefined) resolveQuality(api, 'quality', options.quality);
  if (options.format !== undefined) resolveFormats(api, [options.format]);
  const bytes = await readInput(input);
  return guard(api, async () => {
    const source = await openImage(bytes, limits).metadata();
    const frames = options.animated === true ? (source.pages ?? 1) : 1;
    let pipeline = openImage(bytes, limits, frames);
    const format =
      options.format ?? (OURS.has(source.format ?? '') ? (source.format as ImageFormat) : 'webp');
    if (options.width || options.height) {
      pipeline = pipeline.resize(options.width || undefined, options.height || undefined, {
        fit: options.fit ?? 'inside',
        withoutEnlargement: true,
      });
    }
    const { data, info } = await encode(pipeline, format, options.quality, options.effort).toBuffer({
      resolveWithObject: true,
    });
    const result: OptimizeResult = { format, width: info.width, height: info.height, size: info.size };
    if (output) {
      await writeAtomic(output, data);
      result.path = output;
    } else {
      result.data = data;
    }
    return result;
  });
}

/**
 * The displayed width and height (EXIF orientation applied), format and frame count, read from the header.
 *
 * @example
 * const { width, height } = await getDimensions(buffer); // a portrait phone photo: 3024 x 4032
 */
export async function getDimensions(
  input: ImageInput,
  limits: DecodeLimits = {},
): Promise<{ width: number; height: number; format: string; frames: number }> {
  const api = 'getDimensions';
  const bytes = await readInput(input);
  return guard(api, async () => {
    const meta = await openImage(bytes, resolveLimits(api, limits)).metadata();
    if (!isPositiveInteger(meta.width) || !isPositiveInteger(meta.height)) {
      throw imageError(ImageErrorCode.UNREADABLE, `${api}: The image header has no dimensions.`);
    }
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    return { width, height, format: meta.format ?? 'unknown', frames: meta.pages ?? 1 };
  });
}

/**
 * Re-encodes to another format at the same size (auto-oriented, metadata stripped).
 *
 * @example
 * const { data } = await convertFormat(pngBuffer, 'webp', { quality: 85 });
 */
export function convertFormat(
  input: ImageInput,
  format: ImageFormat,
  options: Omit<OptimizeOptions, 'format' | 'width' | 'height'> & { output?: string } = {},
): Promise<OptimizeResult> {
  const { output, ...rest } = options;
  return optimizeImage(input, output, { ...rest, format });
}
