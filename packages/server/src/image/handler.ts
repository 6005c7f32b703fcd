import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { invalidOption } from '../errors.js';
import { guard, openImage, restrictImageLoaders } from './decode.js';
import { EXTENSION, encode, MIME } from './encode.js';
import { ImageErrorCode, imageError } from './errors.js';
import { negotiateFormat } from './negotiate.js';
import { writeAtomic } from './optimize.js';
import { isPositiveInteger, resolveFormats, resolveLimits, resolveQuality } from './options.js';
import { createImageQueue, type ImageQueue, type ImageQueueOptions } from './queue.js';
import { sendError } from './respond.js';
import { SNIFF_BYTES, sniffImageType } from './sniff.js';
import type { DecodeLimits, ImageFormat } from './types.js';

export interface ImageHandlerOptions extends DecodeLimits {
  /** Directory of the source images; `/img/<id>` serves `<root>/<id>` and nothing outside it. */
  root: string;
  /** Where rendered variants are kept, so each is rendered once. Default `<root>/.perfkit-cache`. */
  cacheDir?: string;
  /**
   * Keep rendered variants in this store instead of `cacheDir`: anything with `get`/`set` of bytes, such
   * as `createCacheManager().store` (memory or Redis). A failing store costs a render, never a request.
   */
  store?: VariantStore;
  /** How long `store` keeps a variant, in seconds. Default 7 days. */
  storeTtlSeconds?: number;
  /** The only widths served (no one can make the server render a thousand sizes). Default 150, 400, 800, 1920. */
  widths?: number[];
  /** The only qualities served. Default 75, 80, 85, 90. */
  qualities?: number[];
  /** Quality when `q` is absent. Default 80. */
  defaultQuality?: number;
  /** Formats offered to clients whose Accept lists them. Default AVIF and WebP; the source's own type is the fallback. */
  formats?: ImageFormat[];
  /** Decides which ids name immutable content. Default: ids that start with a 16+ digit hex hash (as `imageUpload` writes them). */
  immutable?: (id: string) => boolean;
  /** The render queue, or options for a private one. */
  queue?: ImageQueue | ImageQueueOptions;
  /** Called after each render (a cache miss), e.g. for metrics. */
  onRender?: (info: {
    id: string;
    width: number;
    quality: number;
    format: ImageFormat;
    bytes: number;
  }) => void;
}

/** The part of a `CacheStore` that `imageHandler` uses. */
export interface VariantStore {
  get(key: string): Promise<Buffer | undefined>;
  set(key: string, value: Buffer, ttlMs: number): Promise<void>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}(\.[A-Za-z0-9]{1,8})?$/;
const HASHED = /^[a-f0-9]{16,}/;

function badRequest(message: string) {
  return imageError(ImageErrorCode.BAD_REQUEST, `imageHandler: ${message}`);
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`Give ${name} once, as a number.`);
  return value;
}

function pick(value: string | undefined, allowed: number[], fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!allowed.includes(number)) {
    throw badRequest(
      `Expected ${name} to be one of ${allowed.join(', ')} but received ${JSON.stringify(value.slice(0, 12))}.`,
    );
  }
  return number;
}

/**
 * Express middleware serving `/<id>?w=<width>&q=<quality>` from `root`: width and quality from
 * allowlists, format from `Accept` (with `Vary: Accept`), each variant rendered once (concurrent first
 * requests share one render) and cached on disk. Other query parameters are ignored, so they cannot
 * bust the cache.
 *
 * @example
 * app.use('/img', imageHandler({ root: 'uploads/originals' }));
 * // GET /img/3f2a…9c.jpg?w=800 with Accept: image/avif,image/webp → image/avif, cached for a year
 */
export function imageHandler(options: ImageHandlerOptions): RequestHandler {
  const api = 'imageHandler';
  if (!options || typeof options.root !== 'string' || options.root === '') {
    throw invalidOption(api, 'a directory path', 'root', options?.root);
  }
  const root = resolve(options.root);
  const cacheDir = resolve(options.cacheDir ?? join(root, '.perfkit-cache'));
  const widths = options.widths ?? [150, 400, 800, 1920];
  if (!Array.isArray(widths) || widths.length === 0 || !widths.every(isPositiveInteger)) {
    throw invalidOption(api, 'a non-empty array of positive integers', 'widths', widths);
  }
  const qualities = options.qualities ?? [75, 80, 85, 90];
  if (!Array.isArray(qualities) || qualities.length === 0) {
    throw invalidOption(api, 'a non-empty array of integers between 1 and 100', 'qualities', qualities);
  }
  for (const q of qualities) resolveQuality(api, 'qualities', q);
  const defaultQuality = resolveQuality(api, 'defaultQuality', options.defaultQuality ?? 80);
  const formats = resolveFormats(api, options.formats ?? ['avif', 'webp']);
  const limits = resolveLimits(api, options);
  const immutable = options.immutable ?? ((id: string) => HASHED.test(id));
  const queue =
    typeof (options.queue as ImageQueue)?.run === 'function'
      ? (options.queue as ImageQueue)
      : createImageQueue(options.queue as ImageQueueOptions);
  const store = options.store;
  if (store !== undefined && (typeof store?.get !== 'function' || typeof store?.set !== 'function')) {
    throw invalidOption(api, 'an object with get(key) and set(key, value, ttlMs)', 'store', store);
  }
  const storeTtlSeconds = options.storeTtlSeconds ?? 7 * 24 * 3600;
  if (!isPositiveInteger(storeTtlSeconds)) {
    throw invalidOption(api, 'positive integer', 'storeTtlSeconds', storeTtlSeconds);
  }
  const inFlight = new Map<string, Promise<Buffer>>();
  let realRoot: Promise<string> | undefined;
  restrictImageLoaders();

  async function locate(rawId: string): Promise<string> {
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      throw badRequest('The image id is not valid percent-encoding.');
    }
    if (!ID.test(id))
      throw badRequest('Expected an image id of letters, digits, "_" or "-" with one extension.');
    const path = resolve(root, id);
    const inside = relative(root, path);
    if (inside.startsWith('..') || inside.includes(sep))
      throw badRequest('The image id must name a file inside root.');
    realRoot ??= realpath(root);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      throw imageError(ImageErrorCode.NOT_FOUND, `${api}: No image with the id ${JSON.stringify(id)}.`);
    }
    // A symlink inside root must not lead outside it.
    if (!real.startsWith(`${await realRoot}${sep}`)) {
      throw imageError(ImageErrorCode.NOT_FOUND, `${api}: No image with the id ${JSON.stringify(id)}.`);
    }
    return real;
  }

  async function render(
    source: string,
    id: string,
    width: number,
    quality: number,
    format: ImageFormat,
    name: string,
  ): Promise<Buffer> {
    return queue.run(async () => {
      const bytes = await readFile(source);
      const { data } = await guard(api, () =>
        encode(
          openImage(bytes, limits).resize(width, undefined, { withoutEnlargement: true }),
          format,
          format === 'avif' ? Math.max(1, quality - 25) : quality,
        ).toBuffer({ resolveWithObject: true }),
      );
      if (store) {
        await store.set(`perfkit:img:${name}`, data, storeTtlSeconds * 1000).catch(() => {});
      } else {
        await mkdir(cacheDir, { recursive: true });
        await writeAtomic(join(cacheDir, name), data);
      }
      options.onRender?.({ id, width, quality, format, bytes: data.length });
      return data;
    });
  }

  /** The variant's bytes, or the path of its file on disk; rendered once however many ask together. */
  async function variant(
    name: string,
    render: () => Promise<Buffer>,
  ): Promise<{ data: Buffer } | { path: string; size: number }> {
    if (store) {
      const hit = await store.get(`perfkit:img:${name}`).catch(() => undefined);
      if (hit) return { data: hit };
    } else {
      const path = join(cacheDir, name);
      const cached = await stat(path).catch(() => null);
      if (cached) return { path, size: cached.size };
    }
    let flight = inFlight.get(name);
    if (!flight) {
      flight = render().finally(() => inFlight.delete(name));
      inFlight.set(name, flight);
    }
    return { data: await flight };
  }

  async function serve(req: Request, res: Response) {
    const rawId = req.path.replace(/^\//, '');
    const width = pick(single(req.query.w, 'w'), widths, Math.max(...widths), 'w');
    const quality = pick(single(req.query.q, 'q'), qualities, defaultQuality, 'q');
    const source = await locate(rawId);
    const info = await stat(source);
    if (!info.isFile()) throw imageError(ImageErrorCode.NOT_FOUND, `${api}: No image with that id.`);
    const head = Buffer.alloc(SNIFF_BYTES);
    const handle = await open(source, 'r');
    try {
      await handle.read(head, 0, SNIFF_BYTES, 0);
    } finally {
      await handle.close();
    }
    const type = sniffImageType(head);
    if (type === null || type === 'svg' || type === 'pdf') {
      throw imageError(
        ImageErrorCode.UNSUPPORTED_TYPE,
        `${api}: The source is not an image this handler renders.`,
      );
    }
    const format = negotiateFormat(req.get('accept'), formats, type);
    const key = createHash('sha256')
      .update([source, info.size, info.mtimeMs, width, quality, format].join('\0'))
      .digest('hex')
      .slice(0, 32);
    const name = `${key}.${EXTENSION[format]}`;
    const found = await variant(name, () => render(source, rawId, width, quality, format, name));
    const size = 'data' in found ? found.data.length : found.size;
    res.setHeader('Content-Type', MIME[format]);
    res.setHeader('Content-Length', String(size));
    res.setHeader('Vary', 'Accept');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader(
      'Cache-Control',
      immutable(rawId) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    );
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if ('data' in found) {
      res.end(found.data);
      return;
    }
    createReadStream(found.path)
      .on('error', (error) => res.destroy(error))
      .pipe(res);
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    serve(req, res).catch((error: unknown) => sendError(res, error, queue.retryAfterSeconds));
  };
}
