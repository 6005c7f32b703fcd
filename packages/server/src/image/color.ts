import { guard, openImage, readInput } from './decode.js';
import { resolveLimits } from './options.js';
import type { RawImage } from './raw.js';
import type { DecodeLimits, DominantColor, ImageInput } from './types.js';

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/**
 * The mean colour of pixels already decoded small. sharp's `stats().dominant` is a 16-level histogram bin,
 * near-black for dark-heavy photos; the mean is the colour the eye averages the picture to, which is what
 * a background placeholder needs. Computed here rather than by another sharp pipeline: at 100 x 100 px a
 * loop costs less than starting one.
 */
export function meanColorOfRaw(raw: RawImage): DominantColor {
  const { data, channels } = raw;
  const colour = channels >= 3;
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += channels) {
    for (let c = 0; c < 3; c++) sums[c] = (sums[c] ?? 0) + (data[i + (colour ? c : 0)] ?? 0);
  }
  const pixels = Math.max(1, raw.width * raw.height);
  const [r, g, b] = sums.map((sum) => Math.round(sum / pixels)) as [number, number, number];
  return { hex: `#${hex(r)}${hex(g)}${hex(b)}`, r, g, b };
}

/** Decodes the image small (JPEG shrink-on-load makes this cheap) into raw RGBA pixels. */
export async function decodeTiny(
  api: string,
  input: ImageInput,
  limits: DecodeLimits,
  size = 100,
): Promise<RawImage> {
  const resolved = resolveLimits(api, limits);
  const bytes = await readInput(input);
  return guard(api, async () => {
    const { data, info } = await openImage(bytes, resolved)
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: 4 };
  });
}

/**
 * The image's average colour as `#rrggbb` and RGB, for a background that matches the photo.
 *
 * @example
 * const { hex } = await getDominantColor('uploads/a.jpg'); // '#8a6f52'
 */
export async function getDominantColor(input: ImageInput, limits: DecodeLimits = {}): Promise<DominantColor> {
  return meanColorOfRaw(await decodeTiny('getDominantColor', input, limits));
}
