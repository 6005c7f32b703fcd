import sharp from 'sharp';

/** Decoded pixels as sharp's `.raw()` gives them: interleaved 8-bit channels. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

export function rawInput(raw: RawImage) {
  return { raw: { width: raw.width, height: raw.height, channels: raw.channels } };
}

/**
 * Resizes decoded pixels to raw pixels. Trusted input only (pixels this package decoded itself), so it
 * needs none of the decode guards.
 */
export async function resizeRaw(
  raw: RawImage,
  width: number,
  height: number | undefined,
  fit: 'fill' | 'cover' | 'inside',
  alpha = false,
): Promise<RawImage> {
  let pipeline = sharp(raw.data, rawInput(raw)).resize(width, height, { fit });
  if (alpha) pipeline = pipeline.ensureAlpha();
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as RawImage['channels'] };
}
