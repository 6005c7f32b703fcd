import { PerfkitError } from '../errors.js';

/** Codes of the image pipeline's errors; each carries the HTTP status the middleware answers with. */
export const ImageErrorCode = {
  FILE_TOO_LARGE: 'PERFKIT_IMAGE_FILE_TOO_LARGE',
  TOO_MANY_PARTS: 'PERFKIT_IMAGE_TOO_MANY_PARTS',
  UNEXPECTED_FIELD: 'PERFKIT_IMAGE_UNEXPECTED_FIELD',
  NO_FILE: 'PERFKIT_IMAGE_NO_FILE',
  UNSUPPORTED_TYPE: 'PERFKIT_IMAGE_UNSUPPORTED_TYPE',
  TOO_MANY_PIXELS: 'PERFKIT_IMAGE_TOO_MANY_PIXELS',
  UNREADABLE: 'PERFKIT_IMAGE_UNREADABLE',
  TIMEOUT: 'PERFKIT_IMAGE_TIMEOUT',
  BUSY: 'PERFKIT_IMAGE_BUSY',
  NOT_FOUND: 'PERFKIT_IMAGE_NOT_FOUND',
  BAD_REQUEST: 'PERFKIT_IMAGE_BAD_REQUEST',
  MALFORMED_UPLOAD: 'PERFKIT_IMAGE_MALFORMED_UPLOAD',
} as const;
export type ImageErrorCode = (typeof ImageErrorCode)[keyof typeof ImageErrorCode];

const STATUS: Record<ImageErrorCode, number> = {
  PERFKIT_IMAGE_FILE_TOO_LARGE: 413,
  PERFKIT_IMAGE_TOO_MANY_PARTS: 413,
  PERFKIT_IMAGE_UNEXPECTED_FIELD: 400,
  PERFKIT_IMAGE_NO_FILE: 400,
  PERFKIT_IMAGE_UNSUPPORTED_TYPE: 415,
  PERFKIT_IMAGE_TOO_MANY_PIXELS: 422,
  PERFKIT_IMAGE_UNREADABLE: 422,
  PERFKIT_IMAGE_TIMEOUT: 422,
  PERFKIT_IMAGE_BUSY: 503,
  PERFKIT_IMAGE_NOT_FOUND: 404,
  PERFKIT_IMAGE_BAD_REQUEST: 400,
  PERFKIT_IMAGE_MALFORMED_UPLOAD: 400,
};

export function imageError(code: ImageErrorCode, message: string): PerfkitError {
  return new PerfkitError(message, code, STATUS[code]);
}

/** Turns sharp/libvips failures on untrusted input into 422s with a sentence a client can act on. */
export function fromSharpError(api: string, error: unknown): PerfkitError {
  if (error instanceof PerfkitError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(text)) {
    return imageError(
      ImageErrorCode.TOO_MANY_PIXELS,
      `${api}: The image has more pixels than the limit (maxInputPixels). Resize it before uploading.`,
    );
  }
  if (/channel/i.test(text) && /limit/i.test(text)) {
    return imageError(
      ImageErrorCode.UNREADABLE,
      `${api}: The image has more channels than maxInputChannels allows.`,
    );
  }
  if (/timeout/i.test(text)) {
    return imageError(
      ImageErrorCode.TIMEOUT,
      `${api}: Decoding the image took longer than timeoutSeconds allows.`,
    );
  }
  if (/unsupported image format|blocked/i.test(text)) {
    return imageError(
      ImageErrorCode.UNSUPPORTED_TYPE,
      `${api}: The bytes are not an image format this server accepts.`,
    );
  }
  const detail = text.split('\n')[0]?.slice(0, 120) ?? '';
  return imageError(ImageErrorCode.UNREADABLE, `${api}: The image could not be decoded (${detail}).`);
}
