import { createHash } from 'node:crypto';

/** A hex content hash of `length` characters (sha256, truncated: collisions are not a security boundary here). */
export function contentHash(data: Buffer, length = 16): string {
  return createHash('sha256').update(data).digest('hex').slice(0, length);
}
