// Regenerates the home page's hero image (public/hero/) from the Kodak sampler photo kodim22, and prints
// the manifest that src/home/hero.ts holds. Run once: `node scripts/make-hero.mjs`. Static files rather than
// /img/ so the page's LCP image never waits for a first-time encode on the server.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '../../../../shared/data/images/landscape-kodim22.jpg');
const out = join(here, '../public/hero');
mkdirSync(out, { recursive: true });

const WIDTHS = [400, 768];
const FORMATS = { avif: { quality: 50 }, webp: { quality: 72 }, jpeg: { quality: 75, mozjpeg: true } };
const files = {};
for (const [format, options] of Object.entries(FORMATS)) {
  files[format] = [];
  for (const width of WIDTHS) {
    const name = `barn-${width}.${format === 'jpeg' ? 'jpg' : format}`;
    const info = await sharp(source).resize({ width }).toFormat(format, options).toFile(join(out, name));
    files[format].push(`/hero/${name} ${width}w`);
    console.error(`${name}: ${info.size} bytes`);
  }
}
const { data, info } = await sharp(source)
  .resize(100, 100, { fit: 'inside' })
  .ensureAlpha()
  .raw()
  .toBuffer({ resolveWithObject: true });
const { dominant } = await sharp(source).stats();
const hex = (value) => value.toString(16).padStart(2, '0');
console.log(
  JSON.stringify(
    {
      width: 768,
      height: 512,
      sources: ['avif', 'webp'].map((format) => ({
        type: `image/${format}`,
        srcSet: files[format].join(', '),
      })),
      src: '/hero/barn-768.jpg',
      placeholder: {
        thumbhash: Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64'),
        color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`,
      },
    },
    null,
    2,
  ),
);
