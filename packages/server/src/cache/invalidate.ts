import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidOption } from '../errors.js';
import type { CacheManager } from './CacheManager.js';
import { normalisePath } from './httpKey.js';
import { fillTemplate, patternToMatch } from './keys.js';
import type { CacheRequest, NextFunction } from './middleware.js';
import { resolveGroup } from './strategies.js';

const API = 'cache.invalidate';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export interface InvalidateSpec {
  /** `namespace:glob` patterns; `{param}` is filled from route params, glob-escaped. */
  patterns?: readonly string[];
  /** Tags given to `wrap`/`set`/`middleware({ tags })`; `{param}` is filled from route params. */
  tags?: readonly string[];
  /** URL paths whose cached GETs (any query, any vary value) are cleared, e.g. `/api/users/{id}`. */
  paths?: readonly string[];
  /** `InvalidationGroups` names (`USER`, `POST`, `PRODUCT`, `SEARCH`): clears their namespaces. */
  groups?: readonly string[];
}

/** One pattern, a list of patterns, a spec, or a function of the request returning one of those. */
export type InvalidateTargets =
  | string
  | readonly string[]
  | InvalidateSpec
  | ((req: CacheRequest, res: ServerResponse) => string | readonly string[] | InvalidateSpec);

function toSpec(targets: string | readonly string[] | InvalidateSpec): InvalidateSpec {
  if (typeof targets === 'string') return { patterns: [targets] };
  if (Array.isArray(targets)) return { patterns: targets as readonly string[] };
  return targets as InvalidateSpec;
}

function validate(spec: InvalidateSpec): InvalidateSpec {
  if (spec === null || typeof spec !== 'object') {
    throw invalidOption(API, 'patterns, a spec object or a function', 'targets', spec);
  }
  for (const field of ['patterns', 'tags', 'paths', 'groups'] as const) {
    const list = spec[field];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === '')) {
      throw invalidOption(API, 'an array of non-empty strings', field, list);
    }
  }
  // Check the namespace part now (with params as placeholders), so a typo fails at startup, not on a mutation.
  for (const pattern of spec.patterns ?? [])
    patternToMatch(API, '', pattern.replace(/\{[A-Za-z0-9_]+\}/g, 'x'));
  for (const path of spec.paths ?? []) {
    if (!path.startsWith('/')) throw invalidOption(API, 'a path starting with "/"', 'paths', path);
  }
  for (const group of spec.groups ?? []) resolveGroup(API, group);
  return spec;
}

/** Clears what a successful mutation names. Substitution failures skip that target, never the others. */
export async function runInvalidation(
  cache: CacheManager,
  spec: InvalidateSpec,
  req: CacheRequest,
): Promise<void> {
  const params = req.params ?? {};
  const tags: string[] = [];
  // RFC 9111 §4.4: a non-error response to an unsafe method invalidates its target URI and same-host Location.
  for (const url of [req.originalUrl ?? req.url, req.headers.location]) {
    const path = typeof url === 'string' && url.startsWith('/') ? normalisePath(url) : undefined;
    if (path !== undefined) tags.push(`url:${path}`);
  }
  for (const template of spec.paths ?? []) {
    const encoded = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, encodeURIComponent(String(v))]),
    );
    const path = fillTemplate(template, encoded, false);
    const normalised = path === undefined ? undefined : normalisePath(path);
    if (normalised !== undefined) tags.push(`url:${normalised}`);
  }
  for (const template of spec.tags ?? []) {
    const tag = fillTemplate(template, params, false);
    if (tag) tags.push(tag);
  }
  const work: Promise<number>[] = [cache.invalidateTags(tags)];
  for (const template of spec.patterns ?? []) {
    const pattern = fillTemplate(template, params, true);
    if (pattern) work.push(cache.delPattern(pattern));
  }
  for (const group of spec.groups ?? []) work.push(cache.invalidateGroup(group));
  await Promise.all(work);
}

/**
 * Express middleware for POST/PUT/PATCH/DELETE routes. The invalidation runs when the route ends with a
 * 2xx/3xx status and finishes before the response is released, so the client's next GET cannot read the
 * old entry. A failed mutation (4xx/5xx) clears nothing.
 */
export function createInvalidateMiddleware(cache: CacheManager, targets: InvalidateTargets) {
  const fixed = typeof targets === 'function' ? undefined : validate(toSpec(targets));
  if (targets === undefined || targets === null) {
    throw invalidOption(API, 'patterns, a spec object or a function', 'targets', targets);
  }
  return function perfkitInvalidate(
    incoming: IncomingMessage,
    res: ServerResponse,
    next: NextFunction,
  ): void {
    const req = incoming as CacheRequest;
    if (SAFE_METHODS.has(req.method ?? 'GET')) {
      next();
      return;
    }
    const end = res.end as (...args: unknown[]) => ServerResponse;
    const patched = (...args: unknown[]) => {
      if (res.end === (patched as unknown)) res.end = end as never;
      if (res.statusCode < 200 || res.statusCode >= 400) return end.apply(res, args);
      let spec: InvalidateSpec;
      try {
        spec =
          fixed ??
          validate(
            toSpec(
              (targets as Exclude<InvalidateTargets, string | readonly string[] | InvalidateSpec>)(req, res),
            ),
          );
      } catch (error) {
        cache.count('invalidate', 'errors');
        void error;
        return end.apply(res, args);
      }
      runInvalidation(cache, spec, req).then(
        () => end.apply(res, args),
        () => {
          cache.count('invalidate', 'errors');
          end.apply(res, args);
        },
      );
      return res;
    };
    res.end = patched as never;
    next();
  };
}
