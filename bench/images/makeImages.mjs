// 600x400 JPEGs made once from the repository's fixture photos, cached under bench/.out/images-600x400.
// Each is a different crop, flip and hue of one of the four photos, so every file is distinct.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { OUT_ROOT, REPO_ROOT } from '../lib/harness.mjs';

export const IMAGES_DIR = join(OUT_ROOT, 'images-600x400');
const FIXTURES = join(REPO_ROOT, 'test/fixtures/images');

export async function makeImages(count) {
  mkdirSync(IMAGES_DIR, { recursive: true });
  const have = new Set(readdirSync(IMAGES_DIR));
  const photos = readdirSync(FIXTURES).filter((name) => name.endsWith('.jpg'));
  const missing = Array.from({ length: count }, (_, index) => index).filter(
    (index) => !have.has(`${index}.jpg`),
  );
  for (let start = 0; start < missing.length; start += 8) {
    await Promise.all(
      missing.slice(start, start + 8).map((index) => {
        const out = join(IMAGES_DIR, `${index}.jpg`);
        if (existsSync(out)) return undefined;
        const zoom = 1 + (index % 7) / 10;
        return sharp(join(FIXTURES, photos[index % photos.length]))
          .resize(Math.round(600 * zoom), Math.round(400 * zoom))
          .extract({ left: (index * 13) % Math.round(600 * (zoom - 1) + 1), top: 0, width: 600, height: 400 })
          .flop(index % 2 === 1)
          .modulate({ hue: (index * 37) % 360 })
          .jpeg({ quality: 82 })
          .toFile(out);
      }),
    );
  }
  return IMAGES_DIR;
}
