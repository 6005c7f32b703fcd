import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { thumbHashToApproximateAspectRatio } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateResponsiveSizes, type ResponsiveImage, toImageManifest } from '../../src/index.js';
import { LANDSCAPE_JPEG, LARGE_PNG, scratchDir } from './fixtures.js';
import { sidewaysPhoto } from './hostile.js';

let out: { path: string; remove: () => Promise<void> };
let image: ResponsiveImage;

beforeAll(async () => {
  out = await scratchDir('responsive');
  image = await generateResponsiveSizes(LARGE_PNG, out.path, { publicPath: '/media/' });
});
afterAll(() => out.remove());

/** Mean absolute difference of two images shrunk to 32x48, 0 = identical. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const tiny = (input: Buffer) => sharp(input).resize(32, 48, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const [x, y] = await Promise.all([tiny(a), tiny(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

describe('generateResponsiveSizes', () => {
  it('writes the four presets at their dimensions from a 2000x2000 source', () => {
    const sizes = image.files.map((file) => [file.preset, file.format, file.width, file.height]);
    expect(sizes).toEqual([
      ['thumbnail', 'webp', 150, 150],
      ['small', 'webp', 400, 400],
      ['medium', 'webp', 800, 800],
      ['large', 'webp', 1920, 1920],
    ]);
  });

  it('writes files whose header dimensions, format and byte count match the manifest', async () => {
    for (const file of image.files) {
      const meta = await sharp(file.path).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([file.format, file.width, file.height]);
      expect((await stat(file.path)).size).toBe(file.size);
    }
    expect((await readdir(out.path)).sort()).toEqual(image.files.map((file) => file.fileName).sort());
  });

  it('returns a manifest whose srcSet lists every aspect-preserving file by URL and width, and no thumbnail', () => {
    expect(image.width).toBe(1920);
    expect(image.height).toBe(1920);
    const expected = image.files
      .filter((file) => file.preset !== 'thumbnail')
      .map((file) => `/media/${file.fileName} ${file.width}w`)
      .join(', ');
    expect(image.sources).toEqual([{ type: 'image/webp', srcSet: expected }]);
    expect(image.src).toBe(`/media/${image.files.find((file) => file.preset === 'medium')?.fileName}`);
    expect(image.thumbnail?.webp).toMatch(/^\/media\/[a-f0-9]{16}-thumbnail-150\.[a-f0-9]{8}\.webp$/);
  });

  it('names files after the content, so the same bytes give the same URLs and other bytes other URLs', async () => {
    for (const file of image.files) {
      expect(file.fileName).toMatch(
        new RegExp(`^${image.id}-${file.preset}-${file.width}\\.[a-f0-9]{8}\\.webp$`),
      );
    }
    const again = await generateResponsiveSizes(await readFile(LARGE_PNG), out.path, {
      publicPath: '/media/',
    });
    expect(again.files.map((file) => file.fileName)).toEqual(image.files.map((file) => file.fileName));
    const other = await scratchDir('other');
    const different = await generateResponsiveSizes(LANDSCAPE_JPEG, other.path);
    expect(different.id).not.toBe(image.id);
    await other.remove();
  });

  it('carries a placeholder data URL of a few hundred bytes, a ThumbHash of the right shape and a colour', async () => {
    const { dataURL, thumbhash, color } = image.placeholder;
    expect(dataURL).toMatch(/^data:image\/webp;base64,/);
    expect(dataURL?.length).toBeLessThan(600);
    const preview = Buffer.from((dataURL ?? '').split(',')[1] ?? '', 'base64');
    const meta = await sharp(preview).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(20);
    const hash = Buffer.from(thumbhash ?? '', 'base64');
    expect(hash.length).toBeLessThan(40);
    expect(thumbHashToApproximateAspectRatio(hash)).toBeCloseTo(1, 1);
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('colours the placeholder of a solid red image red', async () => {
    const dir = await scratchDir('red');
    const red = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#ff0000' } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const result = await generateResponsiveSizes(red, dir.path);
    const color = result.placeholder.color ?? '';
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(color.slice(at, at + 2), 16)) as number[];
    expect(r).toBeGreaterThan(245);
    expect(g).toBeLessThan(10);
    expect(b).toBeLessThan(10);
    await dir.remove();
  });

  it('converts a Display P3 image to sRGB rather than dropping its profile and shifting its colours', async () => {
    const dir = await scratchDir('p3');
    // sRGB (40, 200, 60) stored as Display P3 numbers, about (97, 197, 81), the way an iPhone saves it.
    const p3 = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#28c83c' } })
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const result = await generateResponsiveSizes(p3, dir.path, { formats: ['png'] });
    for (const file of result.files) {
      const meta = await sharp(file.path).metadata();
      expect(meta.icc).toBeUndefined();
      const [r, g, b] = await sharp(file.path).raw().toBuffer();
      expect(Math.abs((r ?? 0) - 40)).toBeLessThan(4);
      expect(Math.abs((g ?? 0) - 200)).toBeLessThan(4);
      expect(Math.abs((b ?? 0) - 60)).toBeLessThan(4);
    }
    await dir.remove();
  });

  it('gives the browser exactly the ImageManifest fields through toImageManifest, and no server path', () => {
    const manifest = toImageManifest(image);
    expect(Object.keys(manifest).sort()).toEqual(['height', 'placeholder', 'sources', 'src', 'width']);
    expect(manifest).toEqual({
      width: image.width,
      height: image.height,
      sources: image.sources,
      src: image.src,
      placeholder: image.placeholder,
    });
    expect(JSON.stringify(manifest)).not.toContain(out.path);
  });

  it('makes one file per distinct width for a 768 px source instead of storing 768 px twice', async () => {
    const dir = await scratchDir('small-source');
    const small = await generateResponsiveSizes(LANDSCAPE_JPEG, dir.path);
    expect(small.files.map((file) => [file.preset, file.width, file.height])).toEqual([
      ['thumbnail', 150, 150],
      ['small', 400, 267],
      ['medium', 768, 512],
    ]);
    expect(await readdir(dir.path)).toHaveLength(3);
    await dir.remove();
  });

  it('encodes AVIF, WebP and JPEG on request, best first in sources, with a JPEG fallback src', async () => {
    const dir = await scratchDir('formats');
    const presets = [{ name: 'small', width: 200, quality: 80 }];
    const result = await generateResponsiveSizes(LANDSCAPE_JPEG, dir.path, {
      formats: ['jpeg', 'avif', 'webp'],
      presets,
    });
    expect(result.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    expect(result.src).toMatch(/-small-200\.[a-f0-9]{8}\.jpg$/);
    for (const file of result.files)
      expect((await sharp(file.path).metadata()).format).toBe(file.format === 'avif' ? 'heif' : file.format);
    await dir.remove();
  });

  it('turns a photo stored sideways with EXIF orientation 6 upright and strips its EXIF and GPS', async () => {
    const sideways = await sidewaysPhoto();
    const dir = await scratchDir('exif');
    const result = await generateResponsiveSizes(sideways, dir.path, { formats: ['webp', 'jpeg'] });
    const medium = result.files.filter((file) => file.preset === 'medium');
    expect(medium.map((file) => [file.width, file.height])).toEqual([
      [512, 768],
      [512, 768],
    ]);
    const upright = await sharp(await readFile(LANDSCAPE_JPEG))
      .rotate(90)
      .toBuffer();
    const upsideDown = await sharp(await readFile(LANDSCAPE_JPEG))
      .rotate(270)
      .toBuffer();
    for (const file of result.files) {
      const bytes = await readFile(file.path);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(bytes.includes('PerfkitPhone')).toBe(false);
      if (file.preset !== 'thumbnail') {
        expect(await difference(bytes, upright)).toBeLessThan((await difference(bytes, upsideDown)) / 2);
      }
    }
    await dir.remove();
  });

  it('names the option and the fix when a preset is invalid', async () => {
    await expect(
      generateResponsiveSizes(LANDSCAPE_JPEG, 'unused', {
        presets: [{ name: 'small', width: -4, quality: 80 }],
      }),
    ).rejects.toThrow(
      'generateResponsiveSizes: Expected positive integer for presets[0].width but received -4 of type number.',
    );
    await expect(generateResponsiveSizes(LANDSCAPE_JPEG, 'unused', { webpEffort: 7 })).rejects.toThrow(
      'generateResponsiveSizes: Expected integer between 0 and 6 for webpEffort but received 7 of type number.',
    );
    await expect(
      generateResponsiveSizes(LANDSCAPE_JPEG, 'unused', { formats: ['gif' as 'png'] }),
    ).rejects.toThrow(
      /Expected a non-empty array of "avif", "webp", "jpeg", "png" for formats but received \["gif"\]/,
    );
  });

  it('rejects a truncated JPEG with a 422 error instead of writing a half-grey image', async () => {
    const dir = await scratchDir('truncated');
    const full = await readFile(LANDSCAPE_JPEG);
    await expect(generateResponsiveSizes(full.subarray(0, full.length / 2), dir.path)).rejects.toMatchObject({
      statusCode: 422,
      code: 'PERFKIT_IMAGE_UNREADABLE',
    });
    expect(await readdir(dir.path).catch(() => [])).toEqual([]);
    await dir.remove();
  });
});

describe('generateResponsiveSizes output paths', () => {
  it('writes only inside outDir whatever the input was called', async () => {
    const dir = await scratchDir('paths');
    const result = await generateResponsiveSizes(LANDSCAPE_JPEG, join(dir.path, 'nested'));
    for (const file of result.files) expect(file.path.startsWith(join(dir.path, 'nested'))).toBe(true);
    await dir.remove();
  });
});
