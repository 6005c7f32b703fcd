import { isBrowser } from '../shared/env';

const GUARD_KEY = 'perfkit:chunk-reload';

/**
 * Reloads the page unless it already did so in this tab within `withinMs`: a build that is broken for good
 * then shows the error instead of reloading forever. Returns whether it reloads.
 */
export function reloadOnce(withinMs = 60_000): boolean {
  if (!isBrowser()) return false;
  try {
    const last = Number(sessionStorage.getItem(GUARD_KEY));
    if (last && Date.now() - last < withinMs) return false;
    sessionStorage.setItem(GUARD_KEY, String(Date.now()));
  } catch {
    // Storage blocked: without a guard a reload could loop, so do not reload.
    return false;
  }
  window.location.reload();
  return true;
}
