import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { invalidOption } from '../errors.js';
import { meanColorOfRaw } from './color.js';
import { guard, openImage, readInput } from './decode.js';
import { EXTENSION, encode } from './encode.js';
import { contentHash } from './hash.js';
import { pixelsFor, type Rung, shrinkLadder } from './ladder.js';
import { buildManifest } from './manifest.js';
import { writeAtomic } from './optimize.js';
import { checkEncoderOptions, resolveFormats, resolveLimits, resolvePresets } from './options.js';
import { placeholderFromRaw, THUMBHASH_MAX } from './placeholder.js';
import { type RawImage, rawInput, resizeRaw } from './raw.js';
import type {
  GeneratedFile,
  ImageFormat,
  ImageInput,
  ResponsiveImage,
  ResponsiveOptions,
  SizePreset,
} from './types.js';

export interface Planned {
  preset: SizePreset;
  width: number;
  height: number;
}

/**
 * Which outputs to make: every aspect-preserving preset at min(preset width, source width), skipping a
 * preset whose width equals the previous one (a 768 px source gets one 768 px file, not two).
 */
export function planSizes(presets: SizePreset[], sourceWidth: number, sourceHeight: number): Planned[] {
  const plans: Planned[] = [];
  const widths = new Set<number>();
  for (const preset of [...presets].sort((a, b) => a.width - b.width)) {
    if (preset.height !== undefined) {
      plans.push({ preset, width: preset.width, height: preset.height });
      continue;
    }
    const width = Math.min(preset.width, sourceWidth);
    if (widths.has(width)) continue;
    widths.add(width);
    plans.push({ preset, width, height: Math.max(1, Math.round((sourceHeight * width) / sourceWidth)) });
  }
  return plans;
}

function urlBuilder(options: ResponsiveOptions): (fileName: string) => string {
  if (options.urlFor !== undefined) {
    if (typeof options.urlFor !== 'function') {
      throw invalidOption('generateResponsiveSizes', 'a function', 'urlFor', options.urlFor);
    }
    return options.urlFor;
  }
  const publicPath = options.publicPath ?? '/images/';
  if (typeof publicPath !== 'string')
    throw invalidOption('generateResponsiveSizes', 'string', 'publicPath', publicPath);
  const prefix = publicPath.endsWith('/') ? publicPath : `${publicPath}/`;
  return (fileName) => `${prefix}${fileName}`;
}

function qualityFor(format: ImageFormat, preset: SizePreset, options: ResponsiveOptions): number {
  return format === 'avif' ? Math.max(1, preset.quality - (options.avifQualityOffset ?? 25)) : preset.quality;
}

/**
 * Makes the responsive set of one image and returns its manifest.
 *
 * The source is decoded once, to the largest size needed (JPEG shrink-on-load makes that cheap), and
 * every preset, the placeholder and the colour are derived from those pixels, each from the smallest
 * size already made that still covers it; outputs are upright (EXIF orientation applied) and carry no
 * metadata. File names are `<source hash>-<preset>-<width>.<output
 * hash>.<ext>`, so a URL always means the same bytes and can be cached forever.
 *
 * @example
 * const image = await generateResponsiveSizes('upload.jpg', 'public/images', { publicPath: '/images/' });
 * // image.sources[0] = { type: 'image/webp', srcSet: '/images/3f…-small-400.9a…webp 400w, …' }
 */
export async function generateResponsiveSizes(
  input: ImageInput,
  outDir: string,
  options: ResponsiveOptions = {},
): Promise<ResponsiveImage> {
  const api = 'generateResponsiveSizes';
  if (typeof outDir !== 'string' || outDir === '')
    throw invalidOption(api, 'a directory path', 'outDir', outDir);
  const limits = resolveLimits(api, options);
  const formats = resolveFormats(api, options.formats);
  const presets = resolvePresets(api, options.presets);
  checkEncoderOptions(api, options);
  const urlFor = urlBuilder(options);
  const bytes = await readInput(input);
  const id = contentHash(bytes);

  const { largest, meta } = await guard(api, async () => {
    const source = openImage(bytes, limits);
    const meta = await source.metadata();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const largestWidth = Math.max(...presets.map((preset) => preset.width));
    // The one full decode. It also validates: a truncated or corrupt file fails here (failOn: 'warning').
    const { data, info } = await source
      .resize(Math.min(largestWidth, width), undefined, { withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const largest: RawImage = {
      data,
      width: info.width,
      height: info.height,
      channels: info.channels as RawImage['channels'],
    };
    return { largest, meta };
  });

  const plans = planSizes(presets, largest.width, largest.height);
  await mkdir(outDir, { recursive: true });
  const rungs = shrinkLadder(largest, plans);

  const encodeOne = async (
    plan: Planned,
    format: ImageFormat,
  ): Promise<{ file: GeneratedFile; data: Buffer }> => {
    const { preset } = plan;
    const pixels = await pixelsFor(rungs, plan);
    const effort =
      format === 'avif' ? (options.avifEffort ?? 3) : format === 'webp' ? options.webpEffort : undefined;
    const { data, info } = await encode(
      sharp(pixels.data, rawInput(pixels)),
      format,
      qualityFor(format, preset, options),
      effort,
    ).toBuffer({ resolveWithObject: true });
    const fileName = `${id}-${preset.name}-${info.width}.${contentHash(data, 8)}.${EXTENSION[format]}`;
    const path = join(outDir, fileName);
    const file = {
      preset: preset.name,
      format,
      width: info.width,
      height: info.height,
      size: data.length,
      fileName,
      path,
      url: urlFor(fileName),
    };
    return { file, data };
  };

  // From the smallest rung (the 400 px one by default), not from a second decode of the source.
  const tiny = guard(api, async () => {
    const smallest = rungs.at(-1) as Rung;
    const raw = await resizeRaw(await smallest.pixels, THUMBHASH_MAX, THUMBHASH_MAX, 'inside', true);
    return [await placeholderFromRaw(raw), meanColorOfRaw(raw)] as const;
  });
  const encoded = guard(api, () =>
    Promise.all(formats.flatMap((format) => plans.map((plan) => encodeOne(plan, format)))),
  );
  // Awaited together so that a failure of one never leaves the other's rejection unhandled.
  const [outputs, [placeholder, color]] = await Promise.all([encoded, tiny]);
  // Written only once every size and the placeholder succeeded, so a failure leaves no orphan files.
  await Promise.all(outputs.map(({ file, data }) => writeAtomic(file.path, data)));
  const files = outputs.map(({ file }) => file);

  const sized = files.filter((file) => presets.find((p) => p.name === file.preset)?.height === undefined);
  const thumbnails = files.filter((file) => !sized.includes(file));
  const manifest = buildManifest(sized.length > 0 ? sized : files, placeholder, color);
  const image: ResponsiveImage = { ...manifest, id, files };
  if (thumbnails.length > 0)
    image.thumbnail = Object.fromEntries(thumbnails.map((file) => [file.format, file.url]));
  if ((meta.pages ?? 1) > 1) image.frames = meta.pages;
  return image;
}
