import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  convertFormat,
  generateBlurPlaceholder,
  getDimensions,
  getDominantColor,
  optimizeImage,
} from '../../src/index.js';
import { LANDSCAPE_JPEG, LARGE_PNG, PHONE_JPEGS, scratchDir } from './fixtures.js';
import { pngBomb, sidewaysPhoto } from './hostile.js';

function solid(r: number, g: number, b: number): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();
}

describe('optimizeImage', () => {
  for (const path of PHONE_JPEGS) {
    it(`makes ${basename(path)} (JPEG q95) at least 40% smaller as WebP q85 at the same dimensions`, async () => {
      const source = await readFile(path);
      const { size, width, height } = await optimizeImage(source, undefined, { format: 'webp', quality: 85 });
      const original = await sharp(source).metadata();
      expect([width, height]).toEqual([original.width, original.height]);
      expect(size).toBeLessThanOrEqual(source.length * 0.6);
    });
  }

  it('resizes to fit without enlarging and writes to the output path', async () => {
    const dir = await scratchDir('optimize');
    const target = join(dir.path, 'out.webp');
    const result = await optimizeImage(LANDSCAPE_JPEG, target, { width: 300, format: 'webp', quality: 80 });
    expect(result).toEqual({
      format: 'webp',
      width: 300,
      height: 200,
      size: (await stat(target)).size,
      path: target,
    });
    const larger = await optimizeImage(LANDSCAPE_JPEG, undefined, { width: 3000 });
    expect([larger.format, larger.width, larger.height]).toEqual(['jpeg', 768, 512]);
    await dir.remove();
  });

  it('reads a stream as well as a path or a buffer', async () => {
    const result = await optimizeImage(createReadStream(LARGE_PNG), undefined, { width: 100, format: 'png' });
    expect([result.width, result.height, result.format]).toEqual([100, 100, 'png']);
    expect((await sharp(result.data).metadata()).format).toBe('png');
  });

  it('refuses an image above maxInputPixels from its header, with a 422 naming the option', async () => {
    const started = performance.now();
    await expect(optimizeImage(pngBomb(), undefined, { width: 100 })).rejects.toMatchObject({
      statusCode: 422,
      code: 'PERFKIT_IMAGE_TOO_MANY_PIXELS',
      message: expect.stringContaining('maxInputPixels'),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(optimizeImage(LANDSCAPE_JPEG, undefined, { maxInputPixels: 100_000 })).rejects.toMatchObject(
      {
        statusCode: 422,
      },
    );
  });

  it('explains a bad option in one sentence', async () => {
    await expect(optimizeImage(LANDSCAPE_JPEG, undefined, { quality: 0 })).rejects.toThrow(
      'optimizeImage: Expected integer between 1 and 100 for quality but received 0 of type number.',
    );
  });
});

describe('getDimensions', () => {
  it('reports the displayed size of a photo stored sideways', async () => {
    expect(await getDimensions(await sidewaysPhoto())).toEqual({
      width: 512,
      height: 768,
      format: 'jpeg',
      frames: 1,
    });
  });
});

describe('convertFormat', () => {
  it('re-encodes at the same size without metadata', async () => {
    const result = await convertFormat(await sidewaysPhoto(), 'png');
    const meta = await sharp(result.data).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['png', 512, 768, undefined]);
  });
});

describe('getDominantColor', () => {
  it('calls a solid red image red', async () => {
    expect(await getDominantColor(await solid(255, 0, 0))).toEqual({ hex: '#ff0000', r: 255, g: 0, b: 0 });
  });

  it('gives the mean of a two-colour image, not one of the two', async () => {
    const half = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000000' } })
      .composite([
        {
          input: await solid(255, 255, 255).then((b) => sharp(b).resize(32, 64).toBuffer()),
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const { r, g, b } = await getDominantColor(half);
    for (const channel of [r, g, b]) expect(channel).toBeGreaterThan(110);
    for (const channel of [r, g, b]) expect(channel).toBeLessThan(145);
  });
});

describe('generateBlurPlaceholder', () => {
  it('returns a 20 px WebP data URL keeping the aspect ratio, and a ThumbHash', async () => {
    const { dataURL, thumbhash } = await generateBlurPlaceholder(LANDSCAPE_JPEG);
    const preview = await sharp(Buffer.from(dataURL.split(',')[1] ?? '', 'base64')).metadata();
    expect([preview.format, preview.width, preview.height]).toEqual(['webp', 20, 13]);
    expect(Buffer.from(thumbhash, 'base64').length).toBeGreaterThan(5);
  });
});
