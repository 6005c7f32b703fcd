import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { LANDSCAPE_JPEG } from './fixtures.js';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG whose header declares width x height 8-bit grey pixels, with the first rows of zeros really
 * compressed in: a decoder that trusted the header would allocate width x height bytes (2.5 GB at 50k²).
 */
export function pngBomb(width = 50_000, height = 50_000, rows = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const scanlines = Buffer.alloc(rows * (width + 1));
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 64 KB of noise that matches no image signature. */
export function randomBytesNamedJpg(): Buffer {
  const bytes = randomBytes(64 * 1024);
  bytes[0] = 0x00;
  return bytes;
}

/** The first half of a real JPEG: `metadata()` still reads its header. */
export async function truncatedJpeg(): Promise<Buffer> {
  const full = await readFile(LANDSCAPE_JPEG);
  return full.subarray(0, Math.floor(full.length / 2));
}

let huge: Promise<Buffer> | undefined;

/** A real 10,000 x 10,000 JPEG (100 MP, ~1.5 MB thanks to flat colour), made once per test file. */
export function hugeJpeg(): Promise<Buffer> {
  huge ??= sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#3366aa' } })
    .jpeg({ quality: 50 })
    .toBuffer();
  return huge;
}

/** SVG that asks the XML parser to read a local file into the picture. */
export const SVG_WITH_EXTERNAL_ENTITY = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text y="20">&xxe;</text></svg>`,
);

/** A minimal PDF, to be sent under a .png name with Content-Type image/png. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The landscape photo stored sideways with EXIF orientation 6 (rotate 90° clockwise to view), plus GPS. */
export async function sidewaysPhoto(): Promise<Buffer> {
  return sharp(await readFile(LANDSCAPE_JPEG))
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PerfkitPhone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' },
    })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** A 3-frame animated GIF, each frame a different colour. */
export function animatedGif(): Promise<Buffer> {
  const frame = (r: number, g: number, b: number) =>
    sharp({ create: { width: 40, height: 30, channels: 3, background: { r, g, b } } })
      .raw()
      .toBuffer();
  return Promise.all([frame(255, 0, 0), frame(0, 255, 0), frame(0, 0, 255)]).then((frames) =>
    sharp(Buffer.concat(frames), { raw: { width: 40, height: 90, channels: 3, pageHeight: 30 } })
      .gif()
      .toBuffer(),
  );
}

/** A JPEG start-of-image and APP0 marker followed by noise: the signature passes, the decode must not. */
export function jpegSignatureThenNoise(): Buffer {
  const bytes = randomBytes(32 * 1024);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  return bytes;
}
