// Reads and checks request input. Every failure is a 400 that names the route, the parameter and the value.
import { invalidParameter } from './errors.js';

const MAX_ID = 2 ** 31 - 1;

/**
 * An integer query parameter within [min, max], or `fallback` when absent.
 * @param {string} api
 * @param {Record<string, unknown>} query
 * @param {string} name
 * @param {{ min: number, max: number, fallback: number }} range
 */
export function intQuery(api, query, name, { min, max, fallback }) {
  const raw = query[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^-?\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw invalidParameter(api, `integer between ${min} and ${max}`, name, raw);
  }
  return value;
}

/**
 * An optional string query parameter of at most `maxLength` characters matching `pattern`.
 * @param {string} api
 * @param {Record<string, unknown>} query
 * @param {string} name
 * @param {{ pattern: RegExp, description: string }} rule
 * @returns {string | undefined}
 */
export function stringQuery(api, query, name, { pattern, description }) {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !pattern.test(raw)) throw invalidParameter(api, description, name, raw);
  return raw;
}

/**
 * A positive integer route parameter such as `:id`.
 * @param {string} api
 * @param {unknown} raw
 * @param {string} name
 */
export function idParam(api, raw, name) {
  const value = typeof raw === 'string' && /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 1 && value <= MAX_ID)) throw invalidParameter(api, 'positive integer', name, raw);
  return value;
}
