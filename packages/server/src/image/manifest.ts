import type { ImageManifest } from '@perfkit/react';
import { MIME } from './encode.js';
import type { BlurPlaceholder, DominantColor, GeneratedFile, ImageFormat } from './types.js';

/** `<source>` order: the smallest bytes first, the format every browser takes last. */
const PREFERENCE: ImageFormat[] = ['avif', 'webp', 'jpeg', 'png'];
const FALLBACK: ImageFormat[] = ['jpeg', 'png', 'webp', 'avif'];
/** The fallback `src` is the largest rendition up to this width: a sane default for one-size clients. */
const FALLBACK_WIDTH = 800;

/**
 * Builds the manifest `ProgressiveImage` renders from the files of the aspect-preserving presets
 * (the cropped thumbnail is left out: a srcset must hold one picture at several widths).
 */
export function buildManifest(
  files: GeneratedFile[],
  placeholder: BlurPlaceholder,
  color: DominantColor,
): ImageManifest {
  const largest = files.reduce(
    (best, file) => (file.width > best.width ? file : best),
    files[0] as GeneratedFile,
  );
  const sources = PREFERENCE.flatMap((format) => {
    const ofFormat = files.filter((file) => file.format === format).sort((a, b) => a.width - b.width);
    if (ofFormat.length === 0) return [];
    return [{ type: MIME[format], srcSet: ofFormat.map((file) => `${file.url} ${file.width}w`).join(', ') }];
  });
  const fallbackFormat = FALLBACK.find((format) =>
    files.some((file) => file.format === format),
  ) as ImageFormat;
  const candidates = files.filter((file) => file.format === fallbackFormat).sort((a, b) => a.width - b.width);
  const fallback =
    [...candidates].reverse().find((file) => file.width <= FALLBACK_WIDTH) ??
    (candidates[0] as GeneratedFile);
  return {
    width: largest.width,
    height: largest.height,
    sources,
    src: fallback.url,
    placeholder: { thumbhash: placeholder.thumbhash, dataURL: placeholder.dataURL, color: color.hex },
  };
}

/**
 * Exactly the `ImageManifest` fields of a `generateResponsiveSizes`/`imageUpload` result: what to send to
 * a browser or store for `ProgressiveImage`. The full result also lists each file's path on the server,
 * which a client has no business seeing.
 *
 * @example
 * res.status(201).json(toImageManifest(req.images[0]));
 */
export function toImageManifest(image: ImageManifest): ImageManifest {
  const { width, height, sources, src, placeholder } = image;
  return {
    width,
    height,
    sources: sources.map(({ type, srcSet }) => ({ type, srcSet })),
    src,
    placeholder: { ...placeholder },
  };
}
