// One contender over a list of files, one upload at a time, in a fresh process (peak RSS is per process).
// Prints one JSON line. Usage: node worker.mjs <contender> <distDir> <file>...
import { readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import sharp from 'sharp';
import { createContender, describeOutputs } from './contenders.mjs';

const [name, distDir, ...files] = process.argv.slice(2);
const contender = await createContender(name, distDir);

function cpuMs(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// Warm up libvips and the JIT on a small input so the first measured file is not penalised.
const warmup = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
  .jpeg()
  .toBuffer();
await contender.run(warmup);

const uploads = [];
for (const file of files) {
  const buffer = readFileSync(file);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await contender.run(buffer);
  const wallMs = performance.now() - started;
  const cpuUsed = cpuMs(cpu);
  const sizes = await describeOutputs(result);
  uploads.push({
    file: basename(file),
    sourceBytes: buffer.length,
    cpuMs: cpuUsed,
    wallMs,
    sizes,
    extras: result.extras ?? false,
  });
}

// EXIF orientation 6 (a phone held upright): the stored pixels are landscape, the viewer sees portrait.
const landscape = uploads.length > 0 ? readFileSync(files[0]) : warmup;
const sideways = await sharp(landscape)
  .resize(600, 400, { fit: 'fill' })
  .withMetadata({ orientation: 6 })
  .jpeg()
  .toBuffer();
const rotated = await describeOutputs(await contender.run(sideways));
const upright = Object.entries(rotated)
  .filter(([preset]) => preset !== 'thumbnail')
  .every(([, size]) => size.height > size.width);

if (contender.outDir) rmSync(contender.outDir, { recursive: true, force: true });
const peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ contender: name, uploads, upright, peakRssMB })}\n`);
