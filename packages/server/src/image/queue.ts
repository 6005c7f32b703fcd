import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { invalidOption } from '../errors.js';
import { ImageErrorCode, imageError } from './errors.js';
import { isPositiveInteger } from './options.js';

export interface ImageQueueOptions {
  /** Jobs run at once. Default: the number of cores (each job already runs its sizes in parallel). */
  concurrency?: number;
  /** Jobs allowed to wait; one more is refused with a 503. Default 4 x concurrency. */
  maxQueued?: number;
  /** Seconds a refused client is told to wait (Retry-After). Default 2. */
  retryAfterSeconds?: number;
  /**
   * Size sharp's per-image thread count to the queue width, so width x threads ≈ cores. Default true.
   * sharp's setting is process-wide: turn it off when something else in the process tunes sharp.
   */
  tuneSharp?: boolean;
}

export interface ImageQueue {
  /** Runs `job` when a slot is free; rejects with a 503 PerfkitError when the waiting line is full. */
  run<T>(job: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
  /** True when the next job would be refused. */
  readonly full: boolean;
  readonly retryAfterSeconds: number;
}

/**
 * A bounded FIFO of image jobs, so a burst of uploads queues up or is refused instead of decoding
 * everything at once and exhausting memory.
 *
 * @example
 * const queue = createImageQueue({ concurrency: 2, maxQueued: 8 });
 * const image = await queue.run(() => generateResponsiveSizes(buffer, 'public/images'));
 */
export function createImageQueue(options: ImageQueueOptions = {}): ImageQueue {
  const api = 'createImageQueue';
  const cores = availableParallelism();
  const concurrency = options.concurrency ?? cores;
  if (!isPositiveInteger(concurrency))
    throw invalidOption(api, 'positive integer', 'concurrency', concurrency);
  const maxQueued = options.maxQueued ?? concurrency * 4;
  if (!Number.isInteger(maxQueued) || maxQueued < 0) {
    throw invalidOption(api, 'non-negative integer', 'maxQueued', maxQueued);
  }
  const retryAfterSeconds = options.retryAfterSeconds ?? 2;
  if (!isPositiveInteger(retryAfterSeconds)) {
    throw invalidOption(api, 'positive integer', 'retryAfterSeconds', retryAfterSeconds);
  }
  if (options.tuneSharp !== false) sharp.concurrency(Math.max(1, Math.floor(cores / concurrency)));

  const waiting: (() => void)[] = [];
  let running = 0;

  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };

  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    get full() {
      return running >= concurrency && waiting.length >= maxQueued;
    },
    retryAfterSeconds,
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        if (waiting.length >= maxQueued) {
          throw imageError(
            ImageErrorCode.BUSY,
            `The image queue is full (${concurrency} running, ${maxQueued} waiting). Retry in ${retryAfterSeconds} s.`,
          );
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      try {
        return await job();
      } finally {
        release();
      }
    },
  };
}
