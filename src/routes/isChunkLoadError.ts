// How each engine and bundler words "this chunk could not be fetched": Chromium, Firefox, Safari, Vite's
// preload helper, webpack. All of them mean the same thing after a deployment: the file is gone.
const CHUNK_ERROR =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading (CSS )?chunk [\w-]+ failed/i;

/** True when `error` says a code-split chunk (JS or CSS) failed to load. */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ChunkLoadError' || CHUNK_ERROR.test(error.message);
}
