import type { IncomingMessage } from 'node:http';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** `%7e` → `~`, `%2f` → `%2F`: unreserved characters decoded, every other escape upper-cased. */
function normalisePercent(path: string): string | undefined {
  let invalid = false;
  const out = path.replace(/%(..)?/g, (match, hex: string | undefined) => {
    if (!hex || !/^[0-9A-Fa-f]{2}$/.test(hex)) {
      invalid = true;
      return match;
    }
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  return invalid ? undefined : out;
}

function normaliseComponent(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  return encodeURIComponent(decodeURIComponent(raw.replace(/\+/g, ' ')));
}

/** The path part of a request URL in key form, or undefined when it holds a malformed escape. */
export function normalisePath(url: string): string | undefined {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  if (path.includes('%')) {
    const normalised = normalisePercent(path);
    if (normalised === undefined) return undefined;
    path = normalised;
  }
  // Express routes "/a/" like "/a" (non-strict routing), so they share an entry.
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  return path;
}

/**
 * Sorted, re-encoded query: `?b=2&a=1` and `?a=%31&b=2` give `a=1&b=2`. Repeated names keep their order
 * (`a=1&a=2` differs from `a=2&a=1`, since apps read them as arrays). With an allowlist, other names are
 * left out of the key. Returns undefined for a malformed escape.
 */
export function normaliseQuery(url: string, allow: ReadonlySet<string> | undefined): string | undefined {
  const q = url.indexOf('?');
  if (q === -1 || q === url.length - 1) return '';
  const pairs: [string, string][] = [];
  try {
    for (const part of url.slice(q + 1).split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = normaliseComponent(eq === -1 ? part : part.slice(0, eq));
      if (allow && !allow.has(decodeURIComponent(name))) continue;
      pairs.push([name, eq === -1 ? '' : normaliseComponent(part.slice(eq + 1))]);
    }
  } catch {
    return undefined;
  }
  if (pairs.length > 1) pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function headerValue(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  return encodeURIComponent(Array.isArray(value) ? value.join(', ').trim() : value.trim());
}

/**
 * The entry id of a request: `path?query|vary values…`. Every variable part is percent-encoded, so no
 * crafted value can imitate another request's id.
 */
export function requestId(
  req: IncomingMessage & { originalUrl?: string },
  allow: ReadonlySet<string> | undefined,
  vary: readonly string[],
): string | undefined {
  const url = req.originalUrl ?? req.url ?? '/';
  const path = normalisePath(url);
  const query = normaliseQuery(url, allow);
  if (path === undefined || query === undefined) return undefined;
  let id = `${path}?${query}`;
  for (const name of vary) id += `|${headerValue(req.headers[name])}`;
  return id;
}
