import type { Readable } from 'node:stream';
import type { ImageManifest } from '@perfkit/react';

/** Output formats the pipeline encodes. */
export const ImageFormat = {
  AVIF: 'avif',
  WEBP: 'webp',
  JPEG: 'jpeg',
  PNG: 'png',
} as const;
export type ImageFormat = (typeof ImageFormat)[keyof typeof ImageFormat];

/** What an input can be: a file path, the bytes, or a readable stream of the bytes. */
export type ImageInput = string | Buffer | Uint8Array | Readable;

/** Guards applied to every decode of untrusted bytes. */
export interface DecodeLimits {
  /** Refuse inputs with more pixels than this (width x height), read from the header. Default 50 MP. */
  maxInputPixels?: number;
  /** Refuse inputs with more channels than this. Default 4 (RGBA). */
  maxInputChannels?: number;
  /** Abort one sharp pipeline after this many seconds. Default 10. */
  timeoutSeconds?: number;
  /** Frames read from an animated GIF/WebP when `animated` is on. Default 50. */
  maxFrames?: number;
}

/** One preset of the responsive set. */
export interface SizePreset {
  /** Appears in file names, e.g. `medium`. */
  name: string;
  /** Output width in px (never enlarged beyond the source, except the cover thumbnail). */
  width: number;
  /** With a height the output is cropped to width x height (`cover`); without, the aspect ratio is kept. */
  height?: number;
  /** Encoder quality 1-100 for lossy formats. */
  quality: number;
}

export interface OptimizeOptions extends DecodeLimits {
  /** Target width; the image is never enlarged. */
  width?: number;
  /** Target height; the image is never enlarged. */
  height?: number;
  /** How to fit width x height: `inside` (default) keeps the whole image, `cover` crops. */
  fit?: 'inside' | 'cover' | 'contain' | 'fill' | 'outside';
  /** Output format; defaults to the input's format when it is one of ours, else WebP. */
  format?: ImageFormat;
  /** Encoder quality 1-100. Defaults: WebP 80, AVIF 50, JPEG 80. */
  quality?: number;
  /** Encoder effort: WebP 0-6, AVIF 0-9, PNG 1-10. Lower is faster and larger. */
  effort?: number;
  /** Keep every frame of an animated GIF/WebP (output WebP or GIF). Default: first frame only. */
  animated?: boolean;
}

/** What `optimizeImage` reports about the image it wrote or returned. */
export interface OptimizeResult {
  format: ImageFormat;
  width: number;
  height: number;
  /** Bytes of the encoded output. */
  size: number;
  /** The encoded bytes, only when no output path was given. */
  data?: Buffer;
  /** The path written, when an output path was given. */
  path?: string;
}

export interface ResponsiveOptions extends DecodeLimits {
  /** Formats to encode, best first. Default `['webp']`. AVIF here runs inline: keep it out of requests. */
  formats?: ImageFormat[];
  /** The presets. Default: thumbnail 150x150 cover q80, small 400 q85, medium 800 q85, large 1920 q90. */
  presets?: SizePreset[];
  /** Builds the public URL of a generated file. Default: `${publicPath}${fileName}`. */
  urlFor?: (fileName: string) => string;
  /** Prefix of every URL when `urlFor` is not given. Default `/images/`. */
  publicPath?: string;
  /** AVIF quality is the preset quality minus this (AVIF's scale is not WebP's). Default 25. */
  avifQualityOffset?: number;
  /** WebP encoder effort 0-6. Default 4 (sharp's). */
  webpEffort?: number;
  /** AVIF encoder effort 0-9. Default 3 (Next.js's choice; 4 costs ~1.6x the CPU for a few % of bytes). */
  avifEffort?: number;
}

/** One file written by `generateResponsiveSizes`. */
export interface GeneratedFile {
  preset: string;
  format: ImageFormat;
  width: number;
  height: number;
  /** Bytes on disk. */
  size: number;
  /** The file name inside outDir: `<source hash>-<preset>-<width>.<output hash>.<ext>`. */
  fileName: string;
  path: string;
  url: string;
}

/** The `ImageManifest` that `ProgressiveImage` renders, plus what the server needs to keep. */
export interface ResponsiveImage extends ImageManifest {
  /** Content hash of the source bytes: a stable id for the upload. */
  id: string;
  /** Every file written, thumbnail included (it is cropped, so it is not part of `sources`). */
  files: GeneratedFile[];
  /** The square thumbnail's URL per format, when the thumbnail preset is in the set. */
  thumbnail?: Partial<Record<ImageFormat, string>>;
  /** Frames in the source when it is animated; the outputs hold the first frame only. */
  frames?: number;
  /**
   * Set by `imageUpload` with `originalsDir`: the name the source bytes were kept under
   * (`<id>.<ext>`, the extension of the sniffed type), which is the id `imageHandler` serves.
   */
  original?: string;
}

export interface DominantColor {
  /** `#rrggbb`. */
  hex: string;
  r: number;
  g: number;
  b: number;
}

export interface BlurPlaceholder {
  /** A ~20 px wide WebP preview as a `data:` URL, a few hundred bytes. */
  dataURL: string;
  /** A ThumbHash (aspect ratio and colours in ~25 bytes), base64. */
  thumbhash: string;
}
