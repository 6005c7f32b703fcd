import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'images');

/** JPEG q95 4:2:0, as a phone saves them (Kodak scans, 768x512 / 512x768). */
export const PHONE_JPEGS = ['portrait-kodim04.jpg', 'city-kodim08.jpg', 'object-kodim20.jpg'].map((name) =>
  join(FIXTURES, name),
);
/** A 2000x2000 PNG, large enough for all four presets. */
export const LARGE_PNG = join(FIXTURES, 'vector-desert-2000.png');
export const PORTRAIT_JPEG = join(FIXTURES, 'portrait-kodim04.jpg');
export const LANDSCAPE_JPEG = join(FIXTURES, 'object-kodim20.jpg');

/** A fresh directory under the OS temp dir; call the returned function to delete it. */
export async function scratchDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `perfkit-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
