import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  // Uploads are recorded in the files table; leave the shared database as seeded.
  await demo?.demo.db.query('DELETE FROM files');
  await demo?.close();
});

const fixture = join(import.meta.dirname, '../../photos/object-kodim20.jpg');

/** @param {Blob} blob @param {string} [field] */
async function upload(blob, field = 'image', name = 'photo.jpg') {
  const form = new FormData();
  form.append(field, blob, name);
  return demo.request('/api/uploads', { method: 'POST', body: form });
}

describe('POST /api/uploads', () => {
  it('answers 201 with the manifest, dominant colour, placeholder and every size, each then served', async () => {
    const response = await upload(new Blob([await readFile(fixture)], { type: 'image/jpeg' }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.id).toMatch(/^[a-f0-9]{16}\.jpg$/);
    expect(body.manifest).toMatchObject({
      width: 768,
      height: 512,
      src: expect.stringMatching(/^\/images\//),
    });
    expect(body.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(body.placeholder).toEqual({
      thumbhash: expect.any(String),
      dataURL: expect.stringMatching(/^data:image\/webp;base64,/),
      color: body.dominantColor,
    });
    expect(body.sizes.map((size) => size.width).sort((a, b) => a - b)).toEqual([150, 400, 768]);
    for (const size of body.sizes) {
      const served = await demo.request(size.url);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(`image/${size.format}`);
      expect(Number(served.headers.get('content-length'))).toBe(size.bytes);
    }
    const original = await demo.request(`/img/${body.id}?w=400`, { headers: { accept: 'image/webp' } });
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/webp');
    expect(original.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('refuses a file that is not an image with a 415 in the API error shape', async () => {
    const response = await upload(
      new Blob(['<html>not a photo</html>'], { type: 'image/png' }),
      'image',
      'x.png',
    );
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'PERFKIT_IMAGE_UNSUPPORTED_TYPE', message: expect.stringMatching(/^imageUpload: /) },
    });
  });

  it('refuses a file in another field with a 400', async () => {
    const response = await upload(new Blob([await readFile(fixture)], { type: 'image/jpeg' }), 'photo');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('PERFKIT_IMAGE_UNEXPECTED_FIELD');
  });
});

describe('GET /img/:id', () => {
  it('renders a sample photo by its id at an allowed width, in the best format the browser takes', async () => {
    const avif = await demo.request('/img/landscape-kodim22?w=150', {
      headers: { accept: 'image/avif,image/webp' },
    });
    expect(avif.status).toBe(200);
    expect(avif.headers.get('content-type')).toBe('image/avif');
    expect(avif.headers.get('vary')).toContain('Accept');
    const jpeg = await demo.request('/img/landscape-kodim22.jpg?w=150', {
      headers: { accept: 'image/jpeg' },
    });
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
  });

  it('answers 400 for a width outside the allowlist and 404 for an unknown id', async () => {
    const wide = await demo.request('/img/landscape-kodim22?w=1000');
    expect(wide.status).toBe(400);
    expect((await wide.json()).error.message).toBe(
      'imageHandler: Expected w to be one of 150, 400, 800, 1920 but received "1000".',
    );
    const missing = await demo.request('/img/no-such-photo.jpg');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('PERFKIT_IMAGE_NOT_FOUND');
  });

  it('logs no unexpected server error', () => {
    expect(demo.errors).toEqual([]);
  });
});
