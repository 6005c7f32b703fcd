import { isChunkLoadError } from './isChunkLoadError';
import { reloadOnce } from './reloadOnce';

export interface ChunkLoadOptions {
  /** Retries of a failed chunk before giving up, waiting `retryDelay`, then twice as long each time. @default 2 */
  retries?: number;
  /** @default 500 (ms) */
  retryDelay?: number;
  /**
   * When the chunk is still missing after the retries (usually a new deployment removed it), reload the
   * page once to pick up the new build. A sessionStorage guard stops a reload loop. @default true
   */
  reload?: boolean;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a dynamic import, retrying chunk-load failures with a doubling backoff; other errors are thrown at
 * once. When the chunk stays missing, reloads the page once (and never settles, so no error flashes) or,
 * if that already happened, throws for an error boundary to show.
 */
export async function loadChunk<T>(load: () => Promise<T>, options: ChunkLoadOptions = {}): Promise<T> {
  const { retries = 2, retryDelay = 500, reload = true } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (!isChunkLoadError(error)) throw error;
      if (attempt < retries) {
        await wait(retryDelay * 2 ** attempt);
        continue;
      }
      if (reload && reloadOnce()) return new Promise<T>(() => {});
      throw error;
    }
  }
}
