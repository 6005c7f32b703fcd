import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { fromSharpError, ImageErrorCode, imageError } from './errors.js';
import type { DecodeLimits, ImageInput } from './types.js';

/**
 * The only libvips loaders left on: JPEG, PNG, WebP, GIF and HEIF (which decodes AVIF). Every other one
 * (SVG with its scripts and entities, TIFF, PDF, the VIPS format, Magick, FITS, PPM, RAW, JPEG 2000,
 * JPEG XL, and any loader a future libvips adds) is blocked by blocking the parent class first: an
 * allowlist, not a list of known-bad formats that a new loader would slip past.
 */
const ALLOWED_LOADERS = [
  'VipsForeignLoadJpeg',
  'VipsForeignLoadPng',
  'VipsForeignLoadWebp',
  'VipsForeignLoadNsgif',
  'VipsForeignLoadHeif',
];

let restricted = false;

/**
 * Turns off every loader but the five above for the whole process (sharp's block list is global).
 * Called by every pipeline entry point before its first decode; `allowSvg` turns the SVG loader back on.
 *
 * @example
 * restrictImageLoaders(); // at start-up, so nothing in the process decodes TIFF, PDF or SVG
 */
export function restrictImageLoaders(options: { allowSvg?: boolean } = {}): void {
  if (!restricted) {
    sharp.block({ operation: ['VipsForeignLoad'] });
    sharp.unblock({ operation: ALLOWED_LOADERS });
    restricted = true;
  }
  if (options.allowSvg) sharp.unblock({ operation: ['VipsForeignLoadSvg'] });
}

/** Reads a stream or file into memory, refusing more than maxBytes. */
export async function readInput(input: ImageInput, maxBytes = 100 * 1024 * 1024): Promise<Buffer> {
  if (Buffer.isBuffer(input)) return input;
  if (input instanceof Uint8Array) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (typeof input === 'string') return readFile(input);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += bytes.length;
    if (total > maxBytes) {
      input.destroy();
      throw imageError(ImageErrorCode.FILE_TOO_LARGE, `The image stream is larger than ${maxBytes} bytes.`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * The one way this package opens untrusted bytes: pixel and channel caps checked from the header before
 * any pixel is decoded, `failOn: 'warning'` so truncated files fail instead of decoding grey, EXIF
 * auto-orientation, a timeout, and the first frame only unless more `frames` are asked for.
 */
export function openImage(input: Buffer | string, limits: Required<DecodeLimits>, frames = 1): Sharp {
  restrictImageLoaders();
  return sharp(input, {
    limitInputPixels: limits.maxInputPixels,
    limitInputChannels: limits.maxInputChannels,
    failOn: 'warning',
    autoOrient: true,
    sequentialRead: true,
    ...(frames > 1 ? { pages: Math.min(frames, limits.maxFrames) } : {}),
  }).timeout({ seconds: limits.timeoutSeconds });
}

/** Runs a sharp step, turning decoder failures into 4xx PerfkitErrors. */
export async function guard<T>(api: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fromSharpError(api, error);
  }
}
