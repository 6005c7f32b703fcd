import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidOption } from '../errors.js';
import type { CacheManager } from './CacheManager.js';
import { captureResponse } from './capture.js';
import { type Entry, EntryKind, encodeEntry, type HttpHead } from './entry.js';
import { normalisePath, requestId } from './httpKey.js';
import {
  bypassReason,
  computeEtag,
  DEFAULT_STATUSES,
  etagMatches,
  type RequestRules,
  storedHeaders,
  UNKEYED_HEADERS,
  unstorableReason,
  wantsRevalidation,
} from './httpRules.js';
import { assertNamespace, fillTemplate } from './keys.js';
import { REFRESH, startBackgroundRefresh } from './refresh.js';
import { timedOut } from './singleFlight.js';
import { completeStrategy, resolveStrategyName, type TtlStrategyName } from './strategies.js';
import { CacheStatus, type CacheStrategy } from './types.js';

const API = 'cache.middleware';

/** The parts of an Express request the middleware reads; plain `http` requests work too. */
export type CacheRequest = IncomingMessage & {
  originalUrl?: string;
  params?: Record<string, unknown>;
};
export type NextFunction = (error?: unknown) => void;

export interface CacheMiddlewareOptions extends Partial<CacheStrategy> {
  /** A preset from `TtlStrategies`; other fields override it. */
  strategy?: TtlStrategyName;
  /** Namespace of the entries. Default: the strategy's (`POST_FEED` → `post-feed`) or `http`. */
  namespace?: string;
  /** Query parameters that take part in the key; others (utm_*, fbclid…) are ignored. Default: all. */
  query?: readonly string[];
  /** Request headers that take part in the key, e.g. `['accept-language']`. Also sent as `Vary`. */
  vary?: readonly string[];
  /**
   * `shared` (default): requests with Authorization or a session cookie bypass the cache.
   * `user`: they are cached per user, keyed by `getUserId(req)`, and marked `private` for browsers/CDNs.
   */
  scope?: 'shared' | 'user';
  getUserId?: (req: CacheRequest) => string | number | null | undefined;
  /** Cookie names that make a request personal. Default: any Cookie header does. */
  sessionCookies?: readonly string[];
  /** Forwarding headers your own proxy sets on every request, so they do not make requests bypass. */
  trustedHeaders?: readonly string[];
  /** Status codes that may be stored. Default 200, 203, 204, 300, 301, 308, 404, 410. */
  statuses?: readonly number[];
  /** Browser `max-age` in seconds sent with public responses; CDNs get `s-maxage` = ttl. Default 0. */
  maxAge?: number;
  /** Tags for `invalidate({ tags })`, with `{param}` filled from route params, or a function of the request. */
  tags?: readonly string[] | ((req: CacheRequest) => readonly string[]);
  /** Whether a client `Cache-Control: no-cache` goes to the origin (coalesced) and re-stores. Default true. */
  revalidateOnClientNoCache?: boolean;
}

interface View {
  hit: string[];
  stale: string[];
  notModifiedHit: string[];
  notModifiedStale: string[];
}

const VALIDATOR_HEADERS = new Set(['etag', 'cache-control', 'vary', 'content-location', 'expires']);
const views = new WeakMap<HttpHead, View>();

/** Header lists for a stored head, built once per head so a hit only passes an existing array. */
function viewOf(entry: Entry): View {
  const head = entry.head!;
  let view = views.get(head);
  if (view) return view;
  const headers = head.headers;
  const validators: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    if (VALIDATOR_HEADERS.has(headers[i] as string))
      validators.push(headers[i] as string, headers[i + 1] as string);
  }
  view = {
    hit: [...headers, 'x-cache', CacheStatus.HIT],
    stale: [...headers, 'x-cache', CacheStatus.STALE],
    notModifiedHit: [...validators, 'x-cache', CacheStatus.HIT],
    notModifiedStale: [...validators, 'x-cache', CacheStatus.STALE],
  };
  views.set(head, view);
  return view;
}

/** Writes a stored response: one writeHead with a prepared header list and one end with the stored bytes. */
function serve(req: IncomingMessage, res: ServerResponse, entry: Entry, status: 'HIT' | 'STALE'): void {
  const head = entry.head!;
  const view = viewOf(entry);
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, head.etag)) {
    res.writeHead(304, status === 'HIT' ? view.notModifiedHit : view.notModifiedStale);
    res.end();
    return;
  }
  res.writeHead(head.status, status === 'HIT' ? view.hit : view.stale);
  res.end(entry.body);
}

function stringList(name: string, value: unknown, lower: boolean): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw invalidOption(API, 'an array of non-empty strings', name, value);
  }
  return lower ? value.map((item: string) => item.toLowerCase()) : (value as string[]);
}

interface Resolved {
  namespace: string;
  strategy: Required<CacheStrategy>;
  allow: ReadonlySet<string> | undefined;
  vary: readonly string[];
  personal: boolean;
  getUserId: CacheMiddlewareOptions['getUserId'];
  rules: RequestRules;
  statuses: readonly number[];
  cacheControl: string;
  tags: CacheMiddlewareOptions['tags'];
  revalidateOnClientNoCache: boolean;
}

function resolveOptions(cache: CacheManager, input: TtlStrategyName | CacheMiddlewareOptions): Resolved {
  const options: CacheMiddlewareOptions = typeof input === 'string' ? { strategy: input } : input;
  if (options === null || typeof options !== 'object') {
    throw invalidOption(API, 'a TtlStrategies name or an options object', 'strategyOrOptions', input);
  }
  const preset = options.strategy === undefined ? undefined : resolveStrategyName(API, options.strategy);
  const strategy = completeStrategy(API, options, preset ?? cache.defaults);
  const namespace = assertNamespace(API, options.namespace ?? preset?.namespace ?? 'http');
  const scope = options.scope ?? 'shared';
  if (scope !== 'shared' && scope !== 'user') {
    throw invalidOption(API, '"shared" or "user"', 'scope', scope);
  }
  if (scope === 'user' && typeof options.getUserId !== 'function') {
    throw invalidOption(
      API,
      'a function returning the user id',
      'getUserId',
      options.getUserId,
      "scope: 'user' keys every entry by user, so it needs getUserId(req).",
    );
  }
  const statuses = options.statuses ?? DEFAULT_STATUSES;
  if (
    !Array.isArray(statuses) ||
    statuses.some((code) => !Number.isInteger(code) || code < 200 || code > 599)
  ) {
    throw invalidOption(API, 'an array of HTTP status codes (200–599)', 'statuses', statuses);
  }
  const maxAge = options.maxAge ?? 0;
  if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 0) {
    throw invalidOption(API, 'a whole number of seconds >= 0', 'maxAge', maxAge);
  }
  if (options.tags !== undefined && typeof options.tags !== 'function')
    stringList('tags', options.tags, false);
  const vary = stringList('vary', options.vary, true) ?? [];
  const trusted = stringList('trustedHeaders', options.trustedHeaders, true) ?? [];
  const query = stringList('query', options.query, false);
  const seconds = (value: number) => Math.max(0, Math.round(value));
  const cacheControl =
    scope === 'user'
      ? `private, max-age=${maxAge}`
      : [
          'public',
          `max-age=${maxAge}`,
          `s-maxage=${seconds(strategy.ttl)}`,
          strategy.staleWhileRevalidate > 0
            ? `stale-while-revalidate=${seconds(strategy.staleWhileRevalidate)}`
            : '',
          strategy.staleIfError > 0 ? `stale-if-error=${seconds(strategy.staleIfError)}` : '',
        ]
          .filter(Boolean)
          .join(', ');
  return {
    namespace,
    strategy,
    allow: query ? new Set(query) : undefined,
    vary,
    personal: scope === 'user',
    getUserId: options.getUserId,
    rules: {
      personal: scope === 'user',
      sessionCookies: stringList('sessionCookies', options.sessionCookies, false),
      unkeyed: UNKEYED_HEADERS.filter((name) => !vary.includes(name) && !trusted.includes(name)),
    },
    statuses,
    cacheControl,
    tags: options.tags,
    revalidateOnClientNoCache: options.revalidateOnClientNoCache ?? true,
  };
}

type Flight = ReturnType<CacheManager['flights']['lead']>;

/**
 * Cache-aside for GET/HEAD in front of the route: hits are written from the stored bytes, misses run the
 * route once per key (other callers wait for it), and only responses that are safe to share are stored.
 */
export function createCacheMiddleware(cache: CacheManager, input: TtlStrategyName | CacheMiddlewareOptions) {
  const options = resolveOptions(cache, input);
  const { namespace, vary } = options;
  const varyHeader = vary.join(', ');

  function bypass(res: ServerResponse, next: NextFunction): void {
    cache.count(namespace, 'bypasses');
    res.setHeader('X-Cache', CacheStatus.BYPASS);
    next();
  }

  function tagsFor(req: CacheRequest): string[] {
    const tags: string[] = [];
    const path = normalisePath(req.originalUrl ?? req.url ?? '/');
    // Every entry is tagged with its path, so a mutation of that URL (RFC 9111 §4.4) finds it.
    if (path !== undefined) tags.push(`url:${path}`);
    const configured = typeof options.tags === 'function' ? options.tags(req) : options.tags;
    for (const template of configured ?? []) {
      const tag = fillTemplate(template, req.params ?? {}, false);
      if (tag) tags.push(tag);
    }
    return tags;
  }

  /** With `lockMs`, waits for another instance's load of the same key before running the route here. */
  async function leadAcrossInstances(
    req: CacheRequest,
    res: ServerResponse,
    next: NextFunction,
    key: string,
    stale?: Entry,
    given?: Flight,
  ): Promise<void> {
    if (cache.lockMs === 0) return lead(req, res, next, key, stale, given);
    const flight = given ?? cache.flights.lead<Entry | null>(key);
    const foreign = await cache.lockOrWait(key);
    if (foreign.entry?.head) {
      cache.count(namespace, 'coalesced');
      flight.resolve(foreign.entry);
      flight.done();
      return serve(req, res, foreign.entry, 'HIT');
    }
    lead(req, res, next, key, stale, flight, foreign.release);
  }

  function lead(
    req: CacheRequest,
    res: ServerResponse,
    next: NextFunction,
    key: string,
    stale?: Entry,
    given?: Flight,
    release?: () => void,
  ) {
    const registered = given ?? cache.flights.lead<Entry | null>(key);
    const flight = release
      ? {
          resolve: registered.resolve,
          reject: registered.reject,
          done: () => {
            release();
            registered.done();
          },
        }
      : registered;
    const generation = cache.generation;
    const ifNoneMatch = req.headers['if-none-match'];
    // The route must produce a full body to store; conditional answers are made here from the entry.
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    res.setHeader('X-Cache', CacheStatus.MISS);
    const giveUp = () => {
      flight.resolve(null);
      flight.done();
    };
    captureResponse(res, {
      onStream: giveUp,
      onAbort: giveUp,
      onEnd(body) {
        const status = res.statusCode;
        const reason =
          req.method === 'GET'
            ? unstorableReason(
                status,
                res.getHeaders(),
                body.length,
                options.statuses,
                vary,
                cache.maxEntrySize,
              )
            : 'method';
        if (reason !== undefined) {
          giveUp();
          if (status >= 500 && stale && Date.now() < stale.errorUntil) {
            cache.count(namespace, 'staleIfError');
            for (const name of res.getHeaderNames()) res.removeHeader(name);
            serve(req, res, stale, 'STALE');
            return true;
          }
          return false;
        }
        if (!res.hasHeader('cache-control')) res.setHeader('Cache-Control', options.cacheControl);
        if (varyHeader && !res.hasHeader('vary')) res.setHeader('Vary', varyHeader);
        let etag = res.getHeader('etag');
        if (typeof etag !== 'string') {
          etag = computeEtag(body);
          res.setHeader('ETag', etag);
        }
        const deadlines = cache.deadlines(options.strategy, Date.now());
        const head = { status, headers: storedHeaders(res.getHeaders()), etag };
        const entry: Entry = { kind: EntryKind.HTTP, head, body, ...deadlines };
        flight.resolve(entry);
        let tags: string[] = [];
        try {
          tags = tagsFor(req);
        } catch (error) {
          cache.count(namespace, 'errors');
          void error;
        }
        if (generation === cache.generation) {
          const encoded = encodeEntry(entry);
          cache.writeEntry(key, encoded, deadlines, tags).then(flight.done, flight.done);
        } else {
          flight.done();
        }
        if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) {
          for (const name of res.getHeaderNames()) res.removeHeader(name);
          res.writeHead(304, [...viewOf(entry).notModifiedHit.slice(0, -2), 'x-cache', CacheStatus.MISS]);
          res.end();
          return true;
        }
        return false;
      },
    });
    next();
  }

  return async function perfkitCache(
    req: CacheRequest,
    res: ServerResponse,
    next: NextFunction,
  ): Promise<void> {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return bypass(res, next);
    const refreshFlight = (req as unknown as Record<symbol, Flight | undefined>)[REFRESH];
    if (!refreshFlight && bypassReason(req, options.rules) !== undefined) return bypass(res, next);
    let id = requestId(req, options.allow, vary);
    if (id === undefined) return bypass(res, next);
    if (options.personal) {
      let user: string | number | null | undefined;
      try {
        user = options.getUserId!(req);
      } catch (error) {
        return next(error);
      }
      if (user === undefined || user === null || user === '') return bypass(res, next);
      id += `|u=${encodeURIComponent(String(user))}`;
    }
    const key = cache.key(namespace, id);
    if (refreshFlight) return leadAcrossInstances(req, res, next, key, undefined, refreshFlight);

    const revalidate = options.revalidateOnClientNoCache && wantsRevalidation(req);
    const entry = revalidate ? undefined : await cache.readEntry(key);
    if (entry?.head) {
      const now = Date.now();
      if (now < entry.freshUntil) {
        cache.count(namespace, 'hits');
        return serve(req, res, entry, 'HIT');
      }
      if (now < entry.staleUntil) {
        if (!cache.flights.has(key)) {
          const flight = cache.flights.lead<Entry | null>(key);
          const settle = () => {
            flight.resolve(null);
            flight.done();
          };
          const onError = () => cache.count(namespace, 'errors');
          if (!startBackgroundRefresh(req, flight, onError, settle)) {
            settle();
            cache.count(namespace, 'misses');
            return leadAcrossInstances(req, res, next, key, entry);
          }
        }
        cache.count(namespace, 'staleHits');
        return serve(req, res, entry, 'STALE');
      }
    }
    cache.count(namespace, 'misses');
    const joined = cache.flights.join<Entry | null>(key, cache.coalesceTimeoutMs, revalidate);
    if (joined) {
      cache.count(namespace, 'coalesced');
      const result = await joined;
      if (result && result !== timedOut) return serve(req, res, result, 'HIT');
      res.setHeader('X-Cache', CacheStatus.MISS);
      return next();
    }
    if (method === 'HEAD') {
      // HEAD answers carry no body to store; HEAD is served from the GET entry once there is one.
      res.setHeader('X-Cache', CacheStatus.MISS);
      return next();
    }
    return leadAcrossInstances(req, res, next, key, entry?.head ? entry : undefined);
  };
}
