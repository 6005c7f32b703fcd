import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { invalidOption, PerfkitError } from '../errors.js';
import { guard, openImage, restrictImageLoaders } from './decode.js';
import { ImageErrorCode, imageError } from './errors.js';
import { writeAtomic } from './optimize.js';
import {
  checkEncoderOptions,
  isPositiveInteger,
  resolveFormats,
  resolveLimits,
  resolvePresets,
} from './options.js';
import { createImageQueue, type ImageQueue, type ImageQueueOptions } from './queue.js';
import { sendError } from './respond.js';
import { generateResponsiveSizes } from './responsive.js';
import { SNIFF_BYTES, type SniffedType, sniffImageType } from './sniff.js';
import type { ResponsiveImage, ResponsiveOptions } from './types.js';

declare global {
  namespace Express {
    interface Request {
      /** The manifests of the uploaded images, in upload order, set by `imageUpload`. */
      images?: ResponsiveImage[];
    }
  }
}

export type UploadType = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'svg';

export interface ImageUploadOptions extends Omit<ResponsiveOptions, 'formats'> {
  /** Where the generated files go (served at `publicPath` or `urlFor`). */
  outDir: string;
  /** The multipart field carrying the files. Default `image`. */
  fieldName?: string;
  /** Files per request. Default 1. */
  maxFiles?: number;
  /** Bytes per file; more is answered 413. Default 20 MB. */
  maxFileSize?: number;
  /** Types accepted, as sniffed from the bytes. Default jpeg, png, webp, avif, gif. */
  allowedTypes?: UploadType[];
  /** Accept SVG (turns sharp's SVG loader back on, process-wide). Default false: scripts and entities. */
  allowSvg?: boolean;
  /** Animated GIF/WebP: keep the first frame and report `frames` in the manifest, or refuse with 422. */
  animation?: 'first-frame' | 'reject';
  /** Formats made inside the request. Default `['webp']`; AVIF is refused here: use `avif: 'background'`. */
  formats?: Exclude<ResponsiveOptions['formats'], undefined>;
  /** Encode AVIF after the response, on a width-1 background queue; `onBackgroundImage` gets the result. */
  avif?: false | 'background';
  onBackgroundImage?: (image: ResponsiveImage) => void;
  onBackgroundError?: (error: unknown) => void;
  /** Also keep the source bytes as `<originalsDir>/<id>.<ext>` (for `imageHandler`). */
  originalsDir?: string;
  /** The processing queue, or options for a private one. Default: width = cores, 4 x width waiting. */
  queue?: ImageQueue | ImageQueueOptions;
  /** Parent directory of the per-request temporary directories. Default `<os tmpdir>/perfkit-uploads`. */
  tempDir?: string;
}

const SHARP_FORMAT: Record<UploadType, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  gif: 'gif',
  svg: 'svg',
};
const EXTENSION: Record<UploadType, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
  svg: 'svg',
};

function isQueue(value: unknown): value is ImageQueue {
  return typeof (value as ImageQueue | undefined)?.run === 'function';
}

const MULTER_ERRORS: Record<
  string,
  [
    ImageErrorCode,
    (o: Required<Pick<ImageUploadOptions, 'maxFileSize' | 'maxFiles' | 'fieldName'>>) => string,
  ]
> = {
  LIMIT_FILE_SIZE: [ImageErrorCode.FILE_TOO_LARGE, (o) => `The file is larger than ${o.maxFileSize} bytes.`],
  LIMIT_FILE_COUNT: [ImageErrorCode.TOO_MANY_PARTS, (o) => `At most ${o.maxFiles} file(s) per request.`],
  LIMIT_PART_COUNT: [ImageErrorCode.TOO_MANY_PARTS, () => 'The form has too many parts.'],
  LIMIT_FIELD_COUNT: [ImageErrorCode.TOO_MANY_PARTS, () => 'The form has too many fields.'],
  LIMIT_FIELD_KEY: [ImageErrorCode.TOO_MANY_PARTS, () => 'A field name is too long.'],
  LIMIT_FIELD_VALUE: [ImageErrorCode.TOO_MANY_PARTS, () => 'A field value is too long.'],
  LIMIT_UNEXPECTED_FILE: [
    ImageErrorCode.UNEXPECTED_FIELD,
    (o) => `Send the file(s) in the multipart field "${o.fieldName}" (at most ${o.maxFiles}).`,
  ],
};

/**
 * Express middleware for image uploads: multer with every limit set, the type sniffed from the bytes,
 * a bounded decode through a queue, and the responsive set written to `outDir`. The route handler finds
 * the manifests in `req.images`. Client mistakes are answered 4xx JSON and the request ends there.
 *
 * @example
 * app.post('/api/photos', imageUpload({ outDir: 'public/images', publicPath: '/images/' }), (req, res) => {
 *   res.status(201).json(toImageManifest(req.images[0]));
 * });
 */
export function imageUpload(options: ImageUploadOptions): RequestHandler {
  const api = 'imageUpload';
  if (!options || typeof options.outDir !== 'string' || options.outDir === '') {
    throw invalidOption(api, 'a directory path', 'outDir', options?.outDir);
  }
  const fieldName = options.fieldName ?? 'image';
  if (typeof fieldName !== 'string' || !/^[\w.-]{1,64}$/.test(fieldName)) {
    throw invalidOption(api, 'a field name of letters, digits, "_", "." or "-"', 'fieldName', fieldName);
  }
  const maxFiles = options.maxFiles ?? 1;
  if (!isPositiveInteger(maxFiles)) throw invalidOption(api, 'positive integer', 'maxFiles', maxFiles);
  const maxFileSize = options.maxFileSize ?? 20 * 1024 * 1024;
  if (!isPositiveInteger(maxFileSize))
    throw invalidOption(api, 'positive integer', 'maxFileSize', maxFileSize);
  const formats = resolveFormats(api, options.formats);
  if (formats.includes('avif')) {
    throw invalidOption(
      api,
      'formats without "avif"',
      'formats',
      formats,
      "AVIF costs ~12x WebP's CPU: set avif: 'background'.",
    );
  }
  const allowed = new Set<SniffedType>(options.allowedTypes ?? ['jpeg', 'png', 'webp', 'avif', 'gif']);
  if (options.allowSvg) allowed.add('svg');
  else allowed.delete('svg');
  const animation = options.animation ?? 'first-frame';
  if (animation !== 'first-frame' && animation !== 'reject') {
    throw invalidOption(api, '"first-frame" or "reject"', 'animation', animation);
  }
  const limits = resolveLimits(api, options);
  // Checked now, so a bad option fails at start-up rather than as a 4xx on every upload.
  resolvePresets(api, options.presets);
  checkEncoderOptions(api, options);
  const queue = isQueue(options.queue) ? options.queue : createImageQueue(options.queue);
  const background =
    options.avif === 'background'
      ? createImageQueue({ concurrency: 1, maxQueued: 16, tuneSharp: false })
      : null;
  const tempRoot = options.tempDir ?? join(tmpdir(), 'perfkit-uploads');
  const known = { maxFileSize, maxFiles, fieldName };
  restrictImageLoaders({ allowSvg: options.allowSvg === true });

  const responsiveOptions: ResponsiveOptions = { ...options, formats };

  async function processFile(path: string): Promise<ResponsiveImage> {
    const bytes = await readFile(path);
    const type = sniffImageType(bytes.subarray(0, SNIFF_BYTES));
    if (type === null || !allowed.has(type)) {
      const what = type === null ? 'not a recognised image' : `${type.toUpperCase()}`;
      const list = [...allowed].map((t) => t.toUpperCase()).join(', ');
      throw imageError(
        ImageErrorCode.UNSUPPORTED_TYPE,
        `${api}: The file is ${what}; upload one of ${list}.`,
      );
    }
    const upload = type as UploadType;
    return queue.run(async () => {
      const meta = await guard(api, () => openImage(bytes, limits).metadata());
      if (meta.format !== SHARP_FORMAT[upload]) {
        throw imageError(
          ImageErrorCode.UNSUPPORTED_TYPE,
          `${api}: The file's signature and its content disagree.`,
        );
      }
      if (animation === 'reject' && (meta.pages ?? 1) > 1) {
        throw imageError(
          ImageErrorCode.UNREADABLE,
          `${api}: Animated images are not accepted; upload a still image.`,
        );
      }
      const image = await generateResponsiveSizes(bytes, options.outDir, responsiveOptions).catch(
        (error: unknown) => {
          // Tell the client which API refused it: the one it called.
          if (error instanceof PerfkitError) error.message = error.message.replace(/^\w+: /, `${api}: `);
          throw error;
        },
      );
      if (options.originalsDir) {
        await mkdir(options.originalsDir, { recursive: true });
        image.original = `${image.id}.${EXTENSION[upload]}`;
        await writeAtomic(join(options.originalsDir, image.original), bytes);
      }
      if (background) scheduleAvif(bytes, image);
      return image;
    });
  }

  function scheduleAvif(bytes: Buffer, image: ResponsiveImage): void {
    background
      ?.run(() => generateResponsiveSizes(bytes, options.outDir, { ...options, formats: ['avif'] }))
      .then((avif) => {
        options.onBackgroundImage?.({
          ...image,
          sources: [...avif.sources, ...image.sources],
          files: [...avif.files, ...image.files],
          thumbnail: { ...image.thumbnail, ...avif.thumbnail },
        });
      })
      .catch((error: unknown) => options.onBackgroundError?.(error));
  }

  return (req: Request, res: Response, next: NextFunction) => {
    // Refuse before reading the body: a full queue should cost the server nothing.
    if (queue.full) {
      sendError(
        res,
        imageError(ImageErrorCode.BUSY, `${api}: Too many uploads in progress.`),
        queue.retryAfterSeconds,
      );
      return;
    }
    let requestDir: string | undefined;
    let closed = false;
    // Runs before the response is sent, and again when the connection closes (an aborted upload).
    const cleanup = () =>
      requestDir ? rm(requestDir, { recursive: true, force: true }).catch(() => {}) : Promise.resolve();
    res.once('close', () => {
      closed = true;
      void cleanup();
    });

    const fail = async (error: unknown) => {
      await cleanup();
      sendError(res, error, queue.retryAfterSeconds);
    };

    (async () => {
      await mkdir(tempRoot, { recursive: true, mode: 0o700 });
      requestDir = await mkdtemp(join(tempRoot, 'req-'));
      // A client gone while the directory was made would leave multer waiting on a dead stream.
      if (closed || req.destroyed) {
        await cleanup();
        return;
      }
      const storage = multer.diskStorage({
        destination: requestDir,
        // The client's name never reaches the file system.
        filename: (_req, _file, callback) => callback(null, randomBytes(16).toString('hex')),
      });
      const receive = multer({
        storage,
        limits: {
          fileSize: maxFileSize,
          files: maxFiles,
          fields: 20,
          parts: maxFiles + 20,
          fieldNameSize: 100,
          fieldSize: 64 * 1024,
          headerPairs: 100,
        },
      }).array(fieldName, maxFiles);
      await new Promise<void>((resolve, reject) => {
        receive(req, res, (error?: unknown) => (error ? reject(uploadError(error)) : resolve()));
      });
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      if (files.length === 0) {
        throw imageError(ImageErrorCode.NO_FILE, `${api}: No file in the multipart field "${fieldName}".`);
      }
      const images: ResponsiveImage[] = [];
      for (const file of files) images.push(await processFile(file.path));
      req.images = images;
      await cleanup();
      next();
    })().catch(fail);
  };

  function uploadError(error: unknown) {
    if (error instanceof multer.MulterError) {
      const entry = MULTER_ERRORS[error.code];
      if (entry) return imageError(entry[0], `${api}: ${entry[1](known)}`);
    }
    // busboy's parse errors ("Unexpected end of form", "Malformed part header") are client mistakes.
    const detail = error instanceof Error ? ` (${error.message.slice(0, 80)})` : '';
    return imageError(ImageErrorCode.MALFORMED_UPLOAD, `${api}: The multipart body is malformed${detail}.`);
  }
}
