import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageQueue, imageUpload, type ResponsiveImage } from '../../src/index.js';
import { LANDSCAPE_JPEG, PORTRAIT_JPEG, scratchDir } from './fixtures.js';
import {
  animatedGif,
  hugeJpeg,
  jpegSignatureThenNoise,
  PDF,
  pngBomb,
  randomBytesNamedJpg,
  SVG_WITH_EXTERNAL_ENTITY,
  truncatedJpeg,
} from './hostile.js';
import { BOUNDARY, multipartHead, multipartTail, startServer, streamUpload, uploadRoute } from './server.js';

let dir: { path: string; remove: () => Promise<void> };
let server: Awaited<ReturnType<typeof startServer>>;
let outDir: string;
let tempDir: string;
let portrait: Buffer;

beforeAll(async () => {
  dir = await scratchDir('upload');
  outDir = join(dir.path, 'out');
  tempDir = join(dir.path, 'tmp');
  portrait = await readFile(PORTRAIT_JPEG);
  server = await startServer((app) => {
    uploadRoute(app, imageUpload({ outDir, tempDir, publicPath: '/images/', maxFiles: 2 }));
  });
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

async function tempFiles(): Promise<string[]> {
  const entries = await readdir(tempDir, { recursive: true }).catch(() => []);
  return entries.map(String);
}

describe('imageUpload', () => {
  it('answers with the manifest of each upload and writes its files', async () => {
    const res = await request(server.url).post('/upload').attach('image', portrait, 'photo.jpg').expect(201);
    const [image] = res.body as ResponsiveImage[];
    expect(image?.width).toBe(512);
    expect(image?.height).toBe(768);
    expect(image?.sources[0]?.type).toBe('image/webp');
    expect(image?.placeholder.color).toMatch(/^#[0-9a-f]{6}$/);
    const written = await readdir(outDir);
    for (const file of image?.files ?? []) expect(written).toContain(file.fileName);
    expect(await tempFiles()).toEqual([]);
  });

  it('never uses the client file name for a path', async () => {
    const res = await request(server.url)
      .post('/upload')
      .attach('image', portrait, { filename: '../../../escape.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const [image] = res.body as ResponsiveImage[];
    for (const file of image?.files ?? []) {
      expect(file.fileName).not.toContain('escape');
      expect(file.path.startsWith(outDir)).toBe(true);
    }
    expect(await readdir(dir.path)).toEqual(expect.not.arrayContaining(['escape.jpg']));
  });

  it('takes several files up to maxFiles and refuses more with 413', async () => {
    const two = await request(server.url)
      .post('/upload')
      .attach('image', portrait, 'a.jpg')
      .attach('image', await readFile(LANDSCAPE_JPEG), 'b.jpg')
      .expect(201);
    expect((two.body as ResponsiveImage[]).map((image) => image.width)).toEqual([512, 768]);
    const three = await request(server.url)
      .post('/upload')
      .attach('image', portrait, 'a.jpg')
      .attach('image', portrait, 'b.jpg')
      .attach('image', portrait, 'c.jpg');
    expect(three.status).toBe(413);
    expect(three.body).toEqual({
      statusCode: 413,
      code: 'PERFKIT_IMAGE_TOO_MANY_PARTS',
      message: 'imageUpload: At most 2 file(s) per request.',
    });
  });

  it('answers 400 naming the field when the file comes in another field, or no file comes', async () => {
    const other = await request(server.url).post('/upload').attach('photo', portrait, 'a.jpg');
    expect(other.status).toBe(400);
    expect(other.body.message).toContain('"image"');
    const none = await request(server.url).post('/upload').field('title', 'no file');
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('PERFKIT_IMAGE_NO_FILE');
  });
});

describe('imageUpload given hostile input', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string, string, number, string][] = [
    ['zero bytes', () => Buffer.alloc(0), 'empty.jpg', 'image/jpeg', 415, 'PERFKIT_IMAGE_UNSUPPORTED_TYPE'],
    [
      'random bytes named .jpg',
      randomBytesNamedJpg,
      'photo.jpg',
      'image/jpeg',
      415,
      'PERFKIT_IMAGE_UNSUPPORTED_TYPE',
    ],
    ['a truncated JPEG', truncatedJpeg, 'half.jpg', 'image/jpeg', 422, 'PERFKIT_IMAGE_UNREADABLE'],
    [
      'a 50,000 x 50,000 PNG bomb',
      () => pngBomb(),
      'bomb.png',
      'image/png',
      422,
      'PERFKIT_IMAGE_TOO_MANY_PIXELS',
    ],
    ['a 10,000 x 10,000 JPEG', hugeJpeg, 'huge.jpg', 'image/jpeg', 422, 'PERFKIT_IMAGE_TOO_MANY_PIXELS'],
    [
      'an SVG with an external entity',
      () => SVG_WITH_EXTERNAL_ENTITY,
      'x.svg',
      'image/svg+xml',
      415,
      'PERFKIT_IMAGE_UNSUPPORTED_TYPE',
    ],
    ['a PDF renamed .png', () => PDF, 'doc.png', 'image/png', 415, 'PERFKIT_IMAGE_UNSUPPORTED_TYPE'],
    [
      'HTML sent as image/jpeg',
      () => Buffer.from('<html><script>alert(1)</script></html>'),
      'x.jpg',
      'image/jpeg',
      415,
      'PERFKIT_IMAGE_UNSUPPORTED_TYPE',
    ],
    [
      'a JPEG signature followed by garbage',
      jpegSignatureThenNoise,
      'x.jpg',
      'image/jpeg',
      422,
      'PERFKIT_IMAGE_UNREADABLE',
    ],
  ];

  for (const [name, make, filename, contentType, status, code] of cases) {
    it(`answers ${name} with ${status} ${code}, writes nothing and stays up`, async () => {
      const before = await readdir(outDir).catch(() => []);
      const res = await request(server.url)
        .post('/upload')
        .attach('image', await make(), { filename, contentType });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({
        statusCode: status,
        code,
        message: expect.stringMatching(/^imageUpload: /),
      });
      expect(await readdir(outDir).catch(() => [])).toEqual(before);
      expect(await tempFiles()).toEqual([]);
      await request(server.url).get('/health').expect(200);
    });
  }

  it('answers a 100 MB body with 413 without reading it all, leaving no temporary file', async () => {
    const { status, body } = await streamUpload(server.port, 100 * 1024 * 1024);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ statusCode: 413, code: 'PERFKIT_IMAGE_FILE_TOO_LARGE' });
    await expect.poll(tempFiles).toEqual([]);
    await request(server.url).post('/upload').attach('image', portrait, 'after.jpg').expect(201);
  });

  it('leaves no temporary file when the client aborts mid-upload', async () => {
    // Abort only once the server holds part of the file on disk.
    const beforeAbort = () => expect.poll(async () => (await tempFiles()).length, { timeout: 5000 }).toBe(2);
    const { status } = await streamUpload(server.port, 8 * 1024 * 1024, {
      abortAfter: 2 * 1024 * 1024,
      beforeAbort,
    });
    expect(status).toBeNull();
    await expect.poll(tempFiles, { timeout: 5000 }).toEqual([]);
    await request(server.url).get('/health').expect(200);
  });

  it('answers a part with an empty field name with 400 instead of crashing', async () => {
    const body = Buffer.concat([multipartHead('', 'a.jpg', 'image/jpeg'), portrait, multipartTail]);
    const res = await request(server.url)
      .post('/upload')
      .set('content-type', `multipart/form-data; boundary=${BOUNDARY}`)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toMatch(/^PERFKIT_IMAGE_/);
    expect(await tempFiles()).toEqual([]);
    await request(server.url).get('/health').expect(200);
  });

  it('answers more form fields than the limit with 413 and leaves no temporary file', async () => {
    let form = request(server.url).post('/upload');
    for (let i = 0; i < 21; i++) form = form.field(`f${i}`, 'x');
    const res = await form.attach('image', portrait, 'a.jpg');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PERFKIT_IMAGE_TOO_MANY_PARTS' });
    expect(await tempFiles()).toEqual([]);
  });

  it('re-encodes a JPEG/HTML polyglot, so its script never reaches an output file', async () => {
    const script = '<html><script>alert(document.cookie)</script></html>';
    const comment = Buffer.alloc(4);
    comment.writeUInt16BE(0xfffe, 0);
    comment.writeUInt16BE(script.length + 2, 2);
    const polyglot = Buffer.concat([
      portrait.subarray(0, 2),
      comment,
      Buffer.from(script),
      portrait.subarray(2),
      Buffer.from(script),
    ]);
    const res = await request(server.url)
      .post('/upload')
      .attach('image', polyglot, { filename: 'x.html', contentType: 'text/html' })
      .expect(201);
    const [image] = res.body as ResponsiveImage[];
    expect(image?.files.length).toBeGreaterThan(0);
    for (const file of image?.files ?? [])
      expect((await readFile(file.path)).includes('<script')).toBe(false);
  });

  it('names the SVG policy: accepted only with allowSvg', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const res = await request(server.url)
      .post('/upload')
      .attach('image', svg, { filename: 'a.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(415);
    expect(res.body.message).toBe('imageUpload: The file is SVG; upload one of JPEG, PNG, WEBP, AVIF, GIF.');
  });
});

describe('imageUpload given animated input', () => {
  it('keeps the first frame and reports the frame count by default, or refuses with 422 when told to', async () => {
    const gif = await animatedGif();
    const res = await request(server.url).post('/upload').attach('image', gif, 'a.gif').expect(201);
    const [image] = res.body as ResponsiveImage[];
    expect(image?.frames).toBe(3);
    expect([image?.width, image?.height]).toEqual([40, 30]);
    const first = image?.files.find((file) => file.preset === 'small');
    const { data } = await sharp(first?.path).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[1]).toBeLessThan(60);

    const strict = await startServer((app) => {
      uploadRoute(app, imageUpload({ outDir, tempDir, animation: 'reject' }));
    });
    const refused = await request(strict.url).post('/upload').attach('image', gif, 'a.gif');
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('Animated images are not accepted');
    await strict.close();
  });
});

describe('imageUpload with AVIF in the background', () => {
  it('answers with WebP only, then reports the AVIF set, and keeps the original bytes in originalsDir', async () => {
    const originalsDir = join(dir.path, 'originals');
    let reported: (image: ResponsiveImage) => void = () => {};
    const background = new Promise<ResponsiveImage>((resolve) => {
      reported = resolve;
    });
    const presets = [{ name: 'small', width: 200, quality: 80 }];
    const app = await startServer((express) => {
      uploadRoute(
        express,
        imageUpload({
          outDir,
          tempDir,
          originalsDir,
          presets,
          avif: 'background',
          onBackgroundImage: reported,
        }),
      );
    });
    const res = await request(app.url).post('/upload').attach('image', portrait, 'a.jpg').expect(201);
    const [image] = res.body as ResponsiveImage[];
    expect(image?.sources.map((source) => source.type)).toEqual(['image/webp']);
    expect(image?.original).toBe(`${image?.id}.jpg`);
    expect(await readdir(originalsDir)).toEqual([image?.original]);
    expect(await readFile(join(originalsDir, `${image?.id}.jpg`))).toEqual(portrait);

    const withAvif = await background;
    expect(withAvif.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    const avif = withAvif.files.find((file) => file.format === 'avif');
    expect(avif && (await sharp(avif.path).metadata()).format).toBe('heif');
    expect([avif?.width, avif?.height]).toEqual([200, 300]);
    await app.close();
  });

  it('checks presets and encoder options when the middleware is made, not on each upload', () => {
    expect(() => imageUpload({ outDir, presets: [{ name: 'a b', width: 10, quality: 80 }] })).toThrow(
      'imageUpload: Expected a name of letters, digits and dashes for presets[0].name but received "a b" of type string.',
    );
    expect(() => imageUpload({ outDir, avifEffort: 12 })).toThrow(
      'imageUpload: Expected integer between 0 and 9 for avifEffort but received 12 of type number.',
    );
  });

  it('refuses AVIF inside the request with a sentence pointing at the background option', () => {
    expect(() => imageUpload({ outDir, formats: ['avif', 'webp'] })).toThrow(
      /imageUpload: Expected formats without "avif" for formats .* set avif: 'background'\./,
    );
  });
});

describe('imageUpload under load', () => {
  it('answers 503 with Retry-After before reading the body when the queue is full', async () => {
    const queue = createImageQueue({ concurrency: 1, maxQueued: 0, retryAfterSeconds: 3, tuneSharp: false });
    const busy = await startServer((app) => {
      uploadRoute(app, imageUpload({ outDir, tempDir, queue }));
    });
    let release = () => {};
    const blocker = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const res = await request(busy.url).post('/upload').attach('image', portrait, 'a.jpg');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.body.code).toBe('PERFKIT_IMAGE_BUSY');
    release();
    await blocker;
    await request(busy.url).post('/upload').attach('image', portrait, 'a.jpg').expect(201);
    await busy.close();
  });

  it('completes 20 concurrent uploads with a queue width of 2, never running more than 2, in bounded memory', async () => {
    const queue = createImageQueue({ concurrency: 2, maxQueued: 20, tuneSharp: false });
    const loaded = await startServer((app) => {
      uploadRoute(app, imageUpload({ outDir, tempDir, queue }));
    });
    const photo = await readFile(LANDSCAPE_JPEG);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let widest = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
      widest = Math.max(widest, queue.running);
    }, 5);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(loaded.url).post('/upload').attach('image', photo, `p${i}.jpg`),
      ),
    );
    clearInterval(sampler);
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(201));
    expect(widest).toBeGreaterThan(0);
    expect(widest).toBeLessThanOrEqual(2);
    expect((peak - baseline) / 1024 / 1024).toBeLessThan(200);
    expect(await tempFiles()).toEqual([]);
    await loaded.close();
  });
});
