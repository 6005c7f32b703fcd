import { invalidOption } from '../errors.js';
import type { CacheStrategy } from './types.js';

export interface NamedStrategy extends Required<CacheStrategy> {
  /** Namespace the middleware uses when given this strategy: the name in kebab case. */
  namespace: string;
}

function preset(name: string, ttl: number): NamedStrategy {
  // A tenth of the TTL as the revalidation window keeps hot keys answering instantly while refreshing;
  // one full TTL of stale-if-error rides out a short origin outage.
  return {
    namespace: name.toLowerCase().replaceAll('_', '-'),
    ttl,
    staleWhileRevalidate: Math.max(1, Math.round(ttl / 10)),
    staleIfError: ttl,
    jitter: 0.1,
  };
}

/** Named TTL strategies, in seconds. */
export const TtlStrategies = {
  USER_PROFILE: preset('USER_PROFILE', 600),
  USER_SKILLS: preset('USER_SKILLS', 600),
  POST_FEED: preset('POST_FEED', 120),
  POST_DETAILS: preset('POST_DETAILS', 300),
  COMMENTS: preset('COMMENTS', 180),
  PRODUCTS: preset('PRODUCTS', 600),
  PRODUCT_DETAILS: preset('PRODUCT_DETAILS', 900),
  PRODUCT_REVIEWS: preset('PRODUCT_REVIEWS', 300),
  WIKI_PAGES: preset('WIKI_PAGES', 1800),
  WIKI_PAGE_DETAILS: preset('WIKI_PAGE_DETAILS', 1800),
  VIDEO_LIST: preset('VIDEO_LIST', 600),
  SEARCH_RESULTS: preset('SEARCH_RESULTS', 300),
  NOTIFICATIONS: preset('NOTIFICATIONS', 60),
  ORDER_DETAILS: preset('ORDER_DETAILS', 300),
} as const satisfies Record<string, NamedStrategy>;
export type TtlStrategyName = keyof typeof TtlStrategies;

/** Namespaces cleared together when one kind of record changes. */
export const InvalidationGroups = {
  USER: ['user-profile', 'user-posts', 'user-skills'],
  POST: ['post-feed', 'post-details', 'comments'],
  PRODUCT: ['products', 'product-details', 'product-reviews'],
  SEARCH: ['search-results'],
} as const satisfies Record<string, readonly string[]>;
export type InvalidationGroupName = keyof typeof InvalidationGroups;

const strategyNames = Object.keys(TtlStrategies).join(', ');
const groupNames = Object.keys(InvalidationGroups).join(', ');

export function resolveStrategyName(api: string, name: string): NamedStrategy {
  const strategy = (TtlStrategies as Record<string, NamedStrategy>)[name];
  if (!strategy) {
    throw invalidOption(
      api,
      `one of ${strategyNames}`,
      'strategy',
      name,
      'Pass an options object for a custom TTL.',
    );
  }
  return strategy;
}

export function resolveGroup(api: string, name: string): readonly string[] {
  const group = (InvalidationGroups as Record<string, readonly string[]>)[name];
  if (!group) throw invalidOption(api, `one of ${groupNames}`, 'groups', name);
  return group;
}

export function assertSeconds(api: string, name: string, value: unknown, allowZero: boolean): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
  if (!ok) {
    throw invalidOption(
      api,
      allowZero ? 'a number of seconds >= 0' : 'a positive number of seconds',
      name,
      value,
      allowZero ? undefined : 'Use 0.5 for half a second; to skip caching, do not mount the cache.',
    );
  }
  return value as number;
}

export function assertJitter(api: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 0.5)) {
    throw invalidOption(api, 'a share between 0 and 0.5', 'jitter', value);
  }
  return value;
}

/** Fills a partial strategy from defaults, validating every field. */
export function completeStrategy(
  api: string,
  partial: Partial<CacheStrategy>,
  defaults: Required<CacheStrategy>,
): Required<CacheStrategy> {
  return {
    ttl: partial.ttl === undefined ? defaults.ttl : assertSeconds(api, 'ttl', partial.ttl, false),
    staleWhileRevalidate:
      partial.staleWhileRevalidate === undefined
        ? defaults.staleWhileRevalidate
        : assertSeconds(api, 'staleWhileRevalidate', partial.staleWhileRevalidate, true),
    staleIfError:
      partial.staleIfError === undefined
        ? defaults.staleIfError
        : assertSeconds(api, 'staleIfError', partial.staleIfError, true),
    jitter: partial.jitter === undefined ? defaults.jitter : assertJitter(api, partial.jitter),
  };
}
