import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

/** Heuristically cacheable final statuses (RFC 9111 §4.2.2) minus 206/405/414/501. */
export const DEFAULT_STATUSES: readonly number[] = [200, 203, 204, 300, 301, 308, 404, 410];

/**
 * Request headers that some frameworks and proxies let change the response (host, scheme, path, method)
 * but that are not part of the key: a request carrying one is not served from or stored in the cache
 * (web cache poisoning, Kettle 2018; CPDoS method override).
 */
export const UNKEYED_HEADERS: readonly string[] = [
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-scheme',
  'x-forwarded-port',
  'x-forwarded-prefix',
  'x-forwarded-server',
  'x-host',
  'forwarded',
  'x-original-url',
  'x-rewrite-url',
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
];

export type BypassReason =
  | 'authorization'
  | 'cookie'
  | 'no-store'
  | 'unkeyed-header'
  | 'request-body'
  | 'malformed-url'
  | 'anonymous';

export interface RequestRules {
  personal: boolean;
  sessionCookies: readonly string[] | undefined;
  unkeyed: readonly string[];
}

function hasSessionCookie(cookie: string, names: readonly string[] | undefined): boolean {
  if (!names) return cookie.trim() !== '';
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (names.includes((eq === -1 ? part : part.slice(0, eq)).trim())) return true;
  }
  return false;
}

/** Why a GET/HEAD must skip the cache, or undefined when it may use it. */
export function bypassReason(req: IncomingMessage, rules: RequestRules): BypassReason | undefined {
  const headers = req.headers;
  if (!rules.personal) {
    if (headers.authorization !== undefined) return 'authorization';
    if (headers.cookie !== undefined && hasSessionCookie(headers.cookie, rules.sessionCookies))
      return 'cookie';
  }
  const requestCacheControl = headers['cache-control'];
  if (requestCacheControl?.includes('no-store')) return 'no-store';
  for (const name of rules.unkeyed) if (headers[name] !== undefined) return 'unkeyed-header';
  // A "fat GET" body is invisible to the key but may be read by the route (web cache entanglement).
  if (
    (headers['content-length'] !== undefined && headers['content-length'] !== '0') ||
    headers['transfer-encoding']
  ) {
    return 'request-body';
  }
  return undefined;
}

/** Client `Cache-Control: no-cache` / `max-age=0` / `Pragma: no-cache`: go to the origin (coalesced) and re-store. */
export function wantsRevalidation(req: IncomingMessage): boolean {
  const cc = req.headers['cache-control'];
  if (cc && (cc.includes('no-cache') || /(?:^|,)\s*max-age=0\b/.test(cc))) return true;
  return cc === undefined && req.headers.pragma === 'no-cache';
}

export type UnstorableReason = 'status' | 'set-cookie' | 'cache-control' | 'vary' | 'too-large';

export function unstorableReason(
  status: number,
  headers: OutgoingHttpHeaders,
  bodyLength: number,
  statuses: readonly number[],
  keyedVary: readonly string[],
  maxEntrySize: number,
): UnstorableReason | undefined {
  if (!statuses.includes(status)) return 'status';
  if (headers['set-cookie'] !== undefined) return 'set-cookie';
  const cc = String(headers['cache-control'] ?? '').toLowerCase();
  if (/\b(?:no-store|private|no-cache)\b/.test(cc)) return 'cache-control';
  if (/\bno-store\b/.test(String(headers['surrogate-control'] ?? '').toLowerCase())) return 'cache-control';
  const vary = headers.vary;
  if (vary !== undefined) {
    for (const name of String(vary).toLowerCase().split(',')) {
      const trimmed = name.trim();
      if (trimmed !== '' && !keyedVary.includes(trimmed)) return 'vary';
    }
  }
  if (bodyLength > maxEntrySize) return 'too-large';
  return undefined;
}

/** Strong validator over the stored bytes; computed once per store, never on a hit. */
export function computeEtag(body: Buffer): string {
  return `"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2), the one If-None-Match uses. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const candidate of ifNoneMatch.split(',')) {
    const trimmed = candidate.trim();
    if ((trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed) === bare) return true;
  }
  return false;
}

const NOT_STORED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-cache',
  'age',
  'set-cookie',
]);

/** Response headers in the flat form `writeHead` accepts, without per-connection ones. */
export function storedHeaders(headers: OutgoingHttpHeaders): string[] {
  const flat: string[] = [];
  for (const name of Object.keys(headers)) {
    if (NOT_STORED.has(name)) continue;
    const value = headers[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) flat.push(name, item);
    else flat.push(name, String(value));
  }
  return flat;
}
