import { invalidOption } from '../errors.js';
import { escapeGlob } from './glob.js';

const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function assertNamespace(api: string, namespace: unknown): string {
  if (typeof namespace !== 'string' || !NAMESPACE.test(namespace)) {
    throw invalidOption(
      api,
      'a namespace of letters, digits, ".", "_" or "-" such as "user-profile"',
      'namespace',
      namespace,
    );
  }
  return namespace;
}

export function assertId(api: string, id: unknown): string {
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw invalidOption(api, 'a string or number', 'id', id);
  }
  return String(id);
}

/**
 * `perfkit:{namespace}:id`. The braces are a Redis Cluster hash tag: every key of a namespace lives in one
 * slot, so batched UNLINKs of a namespace never fail with CROSSSLOT.
 */
export function entryKey(prefix: string, namespace: string, id: string): string {
  return `${prefix}{${namespace}}:${id}`;
}

/** Tag sets are hashed on the tag itself; braces inside a tag are encoded so they cannot move the slot. */
export function tagKey(prefix: string, tag: string): string {
  return `${prefix}tag:{${tag.replace(/[{}%]/g, (c) => encodeURIComponent(c))}}`;
}

/** The namespace part of an entry key, used to group keys by cluster slot. */
export function namespaceOfKey(key: string): string {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open + 1);
  return open === -1 || close === -1 ? '' : key.slice(open + 1, close);
}

/**
 * Turns `user-profile:/api/users/42*` into a glob over full keys. A pattern must start with a literal
 * namespace so one invalidation can never sweep the whole cache by accident.
 */
export function patternToMatch(api: string, prefix: string, pattern: unknown): string {
  const colon = typeof pattern === 'string' ? pattern.indexOf(':') : -1;
  const namespace = colon > 0 ? (pattern as string).slice(0, colon) : '';
  if (!NAMESPACE.test(namespace)) {
    throw invalidOption(
      api,
      'a pattern that starts with a namespace, such as "user-profile:*" or "post-details:42*"',
      'pattern',
      pattern,
      'Name the namespace before the colon; glob characters are allowed only after it.',
    );
  }
  return `${escapeGlob(prefix)}{${namespace}}:${(pattern as string).slice(colon + 1)}`;
}

/**
 * Fills `{name}` placeholders from route params. Values are glob-escaped, so `/users/*` as an id cannot
 * widen `user:{id}:*` into every user.
 */
export function fillTemplate(
  template: string,
  params: Record<string, unknown>,
  escapeValues: boolean,
): string | undefined {
  let missing = false;
  const filled = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) {
      missing = true;
      return '';
    }
    const text = Array.isArray(value) ? value.join('/') : String(value);
    return escapeValues ? escapeGlob(text) : text;
  });
  return missing ? undefined : filled;
}
