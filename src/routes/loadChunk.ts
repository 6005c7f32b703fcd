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

// Chromium remembers a failed import() and rejects the next import() of the same URL without asking the
// network again, so a retry of `load` alone could never succeed there. Engines name the URL in the error
// (Chromium and Firefox do); asking for it with a query added is a new module to the browser, fetched anew.
const URL_IN_MESSAGE = /\b(?:https?|file):\/\/[^\s'"]+/;
const importAfresh = (url: string, attempt: number) =>
  import(
    /* @vite-ignore */ /* webpackIgnore: true */ `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}`
  );

/**
 * Runs a dynamic import, retrying chunk-load failures with a doubling backoff; other errors are thrown at
 * once. When the chunk stays missing, reloads the page once (and never settles, so no error flashes) or,
 * if that already happened, throws for an error boundary to show.
 *
 * Where the browser names the failed URL, a retry imports that URL afresh and resolves to its module
 * as-is: have `load` return the module itself (`() => import('./Page')`), with the page as its default
 * export, rather than picking an export in `load`.
 */
export async function loadChunk<T>(load: () => Promise<T>, options: ChunkLoadOptions = {}): Promise<T> {
  const { retries = 2, retryDelay = 500, reload = true } = options;
  let next = load;
  for (let attempt = 0; ; attempt++) {
    try {
      return await next();
    } catch (error) {
      if (!isChunkLoadError(error)) throw error;
      if (attempt < retries) {
        const url = URL_IN_MESSAGE.exec((error as Error).message)?.[0];
        if (url) next = () => importAfresh(url, attempt + 1) as Promise<T>;
        await wait(retryDelay * 2 ** attempt);
        continue;
      }
      if (reload && reloadOnce()) return new Promise<T>(() => {});
      throw error;
    }
  }
}
