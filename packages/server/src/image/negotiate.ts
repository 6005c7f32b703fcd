import type { SniffedType } from './sniff.js';
import type { ImageFormat } from './types.js';

function accepts(accept: string, mime: string): boolean {
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    if (type?.trim() !== mime) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number.parseFloat(q.slice(2)) > 0;
  }
  return false;
}

/** The format to send a client, from its Accept header: AVIF, then WebP (when enabled), then the source's own. */
export function negotiateFormat(
  accept: string | undefined,
  enabled: ImageFormat[],
  source: SniffedType,
): ImageFormat {
  const header = accept ?? '';
  if (enabled.includes('avif') && accepts(header, 'image/avif')) return 'avif';
  if (enabled.includes('webp') && accepts(header, 'image/webp')) return 'webp';
  if (source === 'png' || source === 'gif') return 'png';
  if (source === 'webp') return 'webp';
  return 'jpeg';
}
