import type { Sharp } from 'sharp';
import type { ImageFormat } from './types.js';

export const EXTENSION: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };
export const MIME: Record<ImageFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** Sets the encoder. Metadata (EXIF, GPS, XMP) is never kept: sharp strips it and converts to sRGB. */
export function encode(pipeline: Sharp, format: ImageFormat, quality?: number, effort?: number): Sharp {
  switch (format) {
    case 'avif':
      return pipeline.avif({ quality: quality ?? 50, effort: effort ?? 3 });
    case 'webp':
      return pipeline.webp({ quality: quality ?? 80, effort: effort ?? 4 });
    case 'jpeg':
      return pipeline.jpeg({ quality: quality ?? 80, mozjpeg: true });
    case 'png':
      return pipeline.png({ compressionLevel: 9, effort: effort ?? 7 });
  }
}
