// Opaque keyset cursors: the (created_at, id) of the last row of a page, so the next page starts right after
// it with an index range scan, whatever was inserted meanwhile. Clients must not build them.
import { invalidParameter } from './errors.js';

/**
 * @param {Date} createdAt
 * @param {number} id
 */
export function encodeCursor(createdAt, id) {
  return Buffer.from(`${createdAt.getTime()}.${id}`).toString('base64url');
}

/**
 * @param {string} api
 * @param {Record<string, unknown>} query
 * @param {string} name
 * @returns {{ createdAt: Date, id: number } | undefined}
 */
export function decodeCursor(api, query, name) {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  const text =
    typeof raw === 'string' && /^[\w-]{1,40}$/.test(raw) ? Buffer.from(raw, 'base64url').toString() : '';
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(text);
  if (!match) throw invalidParameter(api, 'a cursor returned by the previous page', name, raw);
  return { createdAt: new Date(Number(match[1])), id: Number(match[2]) };
}
