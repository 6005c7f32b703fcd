// The four ways of making the 4-size WebP set that the benchmark compares. Each takes the upload's bytes
// and returns the encoded bytes per preset.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

export const PRESETS = [
  { name: 'thumbnail', width: 150, height: 150, quality: 80 },
  { name: 'small', width: 400, quality: 85 },
  { name: 'medium', width: 800, quality: 85 },
  { name: 'large', width: 1920, quality: 90 },
];

function resizeFor(preset) {
  return preset.height
    ? [preset.width, preset.height, { fit: 'cover' }]
    : [preset.width, undefined, { withoutEnlargement: true }];
}

async function sizesOf(entries) {
  const out = {};
  for (const [name, data] of entries) {
    const meta = await sharp(data).metadata();
    out[name] = { bytes: data.length, width: meta.width, height: meta.height };
  }
  return out;
}

export async function createContender(name, distDir) {
  if (name === 'perfkit') {
    const { generateResponsiveSizes } = await import(join(distDir, 'index.js'));
    const outDir = mkdtempSync(join(tmpdir(), 'perfkit-bench-'));
    return {
      outDir,
      async run(buffer) {
        const image = await generateResponsiveSizes(buffer, outDir);
        return {
          sizes: Object.fromEntries(
            image.files.map((file) => [
              file.preset,
              { bytes: file.size, width: file.width, height: file.height },
            ]),
          ),
          extras: Boolean(
            image.placeholder.thumbhash && image.placeholder.dataURL && image.placeholder.color,
          ),
        };
      },
    };
  }
  if (name === 'sharp-naive') {
    return {
      async run(buffer) {
        const outputs = await Promise.all(
          PRESETS.map((preset) =>
            sharp(buffer)
              .rotate()
              .resize(...resizeFor(preset))
              .webp({ quality: preset.quality })
              .toBuffer(),
          ),
        );
        return { raw: PRESETS.map((preset, i) => [preset.name, outputs[i]]) };
      },
    };
  }
  if (name === 'sharp-cascade') {
    return {
      async run(buffer) {
        const { data, info } = await sharp(buffer)
          .rotate()
          .resize(1920, undefined, { withoutEnlargement: true })
          .raw()
          .toBuffer({ resolveWithObject: true });
        const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
        const outputs = await Promise.all(
          PRESETS.map((preset) =>
            sharp(data, raw)
              .resize(...resizeFor(preset))
              .webp({ quality: preset.quality })
              .toBuffer(),
          ),
        );
        return { raw: PRESETS.map((preset, i) => [preset.name, outputs[i]]) };
      },
    };
  }
  if (name === 'ipx') {
    const { createIPX } = await import('ipx');
    let current;
    const storage = {
      name: 'memory',
      getMeta: () => ({ mtime: new Date(0), maxAge: 0 }),
      getData: () => current.buffer.slice(current.byteOffset, current.byteOffset + current.byteLength),
    };
    const ipx = createIPX({ storage });
    return {
      async run(buffer) {
        current = buffer;
        const outputs = await Promise.all(
          PRESETS.map((preset) => {
            const modifiers = preset.height
              ? { s: `${preset.width}x${preset.height}`, fit: 'cover', q: String(preset.quality), f: 'webp' }
              : { w: String(preset.width), q: String(preset.quality), f: 'webp' };
            return ipx('upload', modifiers)
              .process()
              .then((result) => Buffer.from(result.data));
          }),
        );
        return { raw: PRESETS.map((preset, i) => [preset.name, outputs[i]]) };
      },
    };
  }
  throw new Error(`Unknown contender ${name}`);
}

export async function describeOutputs(result) {
  return result.sizes ?? (await sizesOf(result.raw));
}
