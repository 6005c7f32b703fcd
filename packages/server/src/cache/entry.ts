/**
 * One cached value as one buffer: a 32-byte fixed header, a small JSON head (HTTP status and headers) and
 * the body bytes as they go on the wire. A hit reads three numbers and slices; the body is never parsed.
 */
const MAGIC = 0x504b; // "PK"
const VERSION = 1;
const FIXED = 32;

export const EntryKind = { DATA: 0, HTTP: 1 } as const;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

export interface HttpHead {
  status: number;
  /** Flat [name, value, name, value…] list, the form `res.writeHead` takes without copying. */
  headers: string[];
  etag: string;
}

export interface Entry {
  kind: EntryKind;
  /** Epoch ms until which the entry is fresh. */
  freshUntil: number;
  /** Epoch ms until which a stale entry may be served while one refresh runs. */
  staleUntil: number;
  /** Epoch ms until which a stale entry may be served when the origin fails. */
  errorUntil: number;
  head: HttpHead | undefined;
  body: Buffer;
}

export function encodeEntry(entry: Omit<Entry, 'body'> & { body: Buffer | string }): Buffer {
  const head = entry.head ? Buffer.from(JSON.stringify(entry.head)) : Buffer.alloc(0);
  const body = typeof entry.body === 'string' ? Buffer.from(entry.body) : entry.body;
  const out = Buffer.allocUnsafe(FIXED + head.length + body.length);
  out.writeUInt16BE(MAGIC, 0);
  out.writeUInt8(VERSION, 2);
  out.writeUInt8(entry.kind, 3);
  out.writeUInt32BE(head.length, 4);
  out.writeDoubleBE(entry.freshUntil, 8);
  out.writeDoubleBE(entry.staleUntil, 16);
  out.writeDoubleBE(entry.errorUntil, 24);
  head.copy(out, FIXED);
  body.copy(out, FIXED + head.length);
  return out;
}

/**
 * Parsed heads by their JSON text. A Redis hit returns fresh bytes every time, so without this each hit would
 * parse the same head again; hot keys find theirs here. Bounded: cleared whole when full.
 */
const heads = new Map<string, HttpHead>();
const HEADS_MAX = 1024;

function parseHead(text: string): HttpHead | undefined {
  const known = heads.get(text);
  if (known) return known;
  let head: HttpHead;
  try {
    head = JSON.parse(text) as HttpHead;
  } catch {
    return undefined;
  }
  if (typeof head?.status !== 'number' || !Array.isArray(head.headers) || typeof head.etag !== 'string') {
    return undefined;
  }
  if (heads.size >= HEADS_MAX) heads.clear();
  heads.set(text, head);
  return head;
}

/** Returns undefined for anything this package did not write (a foreign or corrupt value is a miss). */
export function decodeEntry(buf: Buffer): Entry | undefined {
  if (buf.length < FIXED || buf.readUInt16BE(0) !== MAGIC || buf.readUInt8(2) !== VERSION) return undefined;
  const kind = buf.readUInt8(3);
  if (kind !== EntryKind.DATA && kind !== EntryKind.HTTP) return undefined;
  const headLength = buf.readUInt32BE(4);
  if (FIXED + headLength > buf.length) return undefined;
  const freshUntil = buf.readDoubleBE(8);
  const staleUntil = buf.readDoubleBE(16);
  const errorUntil = buf.readDoubleBE(24);
  if (!Number.isFinite(freshUntil) || !Number.isFinite(staleUntil) || !Number.isFinite(errorUntil))
    return undefined;
  let head: HttpHead | undefined;
  if (kind === EntryKind.HTTP) {
    head = parseHead(buf.toString('utf8', FIXED, FIXED + headLength));
    if (head === undefined) return undefined;
  }
  return { kind, freshUntil, staleUntil, errorUntil, head, body: buf.subarray(FIXED + headLength) };
}

/** Milliseconds the store must keep the bytes: until the last moment any stale window may use them. */
export function retentionMs(
  entry: Pick<Entry, 'freshUntil' | 'staleUntil' | 'errorUntil'>,
  now: number,
): number {
  return Math.max(1, Math.ceil(Math.max(entry.freshUntil, entry.staleUntil, entry.errorUntil) - now));
}
