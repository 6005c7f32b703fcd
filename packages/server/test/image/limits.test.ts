import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createImageQueue, optimizeImage, sniffImageType } from '../../src/index.js';
import { LANDSCAPE_JPEG } from './fixtures.js';
import { animatedGif, hugeJpeg, PDF, pngBomb, SVG_WITH_EXTERNAL_ENTITY } from './hostile.js';

describe('sniffImageType', () => {
  it('names each format from its bytes, whatever the file is called', async () => {
    const photo = await readFile(LANDSCAPE_JPEG);
    const encoded = await Promise.all(
      (['png', 'webp', 'avif', 'gif'] as const).map((format) =>
        sharp(photo).resize(16).toFormat(format).toBuffer(),
      ),
    );
    expect([photo, ...encoded].map(sniffImageType)).toEqual(['jpeg', 'png', 'webp', 'avif', 'gif']);
    expect(sniffImageType(SVG_WITH_EXTERNAL_ENTITY)).toBe('svg');
    expect(sniffImageType(PDF)).toBe('pdf');
    expect(sniffImageType(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('decode limits', () => {
  it('keeps every loader but JPEG, PNG, WebP, GIF and AVIF off, so SVG, TIFF and PPM are refused with 415', async () => {
    const tiff = await sharp(await readFile(LANDSCAPE_JPEG))
      .resize(32)
      .tiff()
      .toBuffer();
    const ppm = Buffer.concat([Buffer.from('P6\n2 2\n255\n'), Buffer.alloc(12, 0x80)]);
    for (const input of [SVG_WITH_EXTERNAL_ENTITY, tiff, ppm]) {
      await expect(optimizeImage(input, undefined, { format: 'png' })).rejects.toMatchObject({
        statusCode: 415,
        code: 'PERFKIT_IMAGE_UNSUPPORTED_TYPE',
      });
    }
  });

  it('refuses a tiny PNG declaring 100,000 x 100,000 pixels from its header, in well under a second', async () => {
    const declared = pngBomb(100_000, 100_000, 1);
    expect(declared.length).toBeLessThan(1024);
    const started = performance.now();
    await expect(optimizeImage(declared, undefined, { width: 100 })).rejects.toMatchObject({
      statusCode: 422,
      code: 'PERFKIT_IMAGE_TOO_MANY_PIXELS',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads at most maxFrames frames of an animated GIF when animation is kept', async () => {
    const gif = await animatedGif();
    const all = await optimizeImage(gif, undefined, { format: 'webp', animated: true });
    expect((await sharp(all.data, { animated: true }).metadata()).pages).toBe(3);
    const capped = await optimizeImage(gif, undefined, { format: 'webp', animated: true, maxFrames: 2 });
    expect((await sharp(capped.data, { animated: true }).metadata()).pages).toBe(2);
  });

  it('aborts a pipeline that runs past timeoutSeconds with a 422', async () => {
    const huge = await hugeJpeg();
    const started = performance.now();
    await expect(
      optimizeImage(huge, undefined, {
        format: 'webp',
        effort: 6,
        maxInputPixels: 200_000_000,
        timeoutSeconds: 1,
      }),
    ).rejects.toMatchObject({ statusCode: 422, code: 'PERFKIT_IMAGE_TIMEOUT' });
    // libvips checks the clock between tiles, so the abort comes a little after 1 s (later on a busy box).
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createImageQueue', () => {
  it('runs at most `concurrency` jobs, in order, and refuses beyond maxQueued with a 503', async () => {
    const queue = createImageQueue({ concurrency: 2, maxQueued: 1, tuneSharp: false });
    const started: number[] = [];
    const gates = [0, 1, 2].map(() => deferred());
    const jobs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    expect(started).toEqual([0, 1]);
    expect([queue.running, queue.waiting, queue.full]).toEqual([2, 1, true]);
    await expect(queue.run(async () => 9)).rejects.toMatchObject({
      statusCode: 503,
      code: 'PERFKIT_IMAGE_BUSY',
    });
    gates[0]?.resolve();
    await jobs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('frees the slot when a job fails', async () => {
    const queue = createImageQueue({ concurrency: 1, maxQueued: 0, tuneSharp: false });
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
  });

  it('explains an invalid width', () => {
    expect(() => createImageQueue({ concurrency: 0 })).toThrow(
      'createImageQueue: Expected positive integer for concurrency but received 0 of type number.',
    );
  });
});
