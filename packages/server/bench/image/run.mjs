// Image pipeline benchmark: @perfkit/server's generateResponsiveSizes (4 WebP sizes + placeholder +
// colour + files on disk) against plain sharp run 4 times, sharp decode-once and ipx 3.1, side by side.
// CPU ms per upload from process.cpuUsage() (wall time on a shared 2-core box is too noisy), peak RSS
// per process (one upload in flight), bytes per preset against the upload, EXIF orientation.
//
//   node bench/image/run.mjs           all photos in ../shared/data/images (when present), 3 rounds
//   node bench/image/run.mjs --quick   the repository's fixtures, 1 round (checks the harness only)
//
// Imports the built package: run `npx tsc -p packages/server/tsconfig.build.json` first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..', '..');
const distDir = join(packageDir, 'dist');
const quick = process.argv.includes('--quick');
const CONTENDERS = ['perfkit', 'sharp-naive', 'sharp-cascade', 'ipx'];
const BASELINE = { 'sharp-naive': 499, 'sharp-cascade': 473, ipx: 496 };
const TARGET_CPU_MS = 473;
const TARGET_RSS_MB = 320;

if (!existsSync(join(distDir, 'index.js'))) {
  console.error(
    'bench/image: dist/index.js is missing. Build first: npx tsc -p packages/server/tsconfig.build.json',
  );
  process.exit(1);
}

const fixtures = join(packageDir, 'test', 'fixtures', 'images');
const corpus = resolve(packageDir, '..', '..', '..', 'shared', 'data', 'images');
const isImage = (name) => /\.(jpe?g|png)$/i.test(name);
let dir = fixtures;
if (!quick) {
  if (existsSync(corpus)) dir = corpus;
  else
    console.log(
      `note: ${corpus} is absent, so the full run uses the repository fixtures (no 12-15 MP photos).`,
    );
}
const files = readdirSync(dir)
  .filter(isImage)
  .sort()
  .map((name) => join(dir, name));
const largest = files.find((file) => /15mp/.test(file));
const rounds = quick ? 1 : 3;

function runWorker(contender, list) {
  const result = spawnSync(process.execPath, [join(here, 'worker.mjs'), contender, distDir, ...list], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(result.stderr);
    throw new Error(`bench/image: the ${contender} worker exited with ${result.status}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function shuffle(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 0) => Number(value.toFixed(digits));

console.log(
  `bench/image: ${files.length} files from ${dir === corpus ? 'shared/data/images' : 'test/fixtures/images'}, ` +
    `${rounds} round(s), contenders in shuffled order per round, each a fresh process.`,
);
const runs = Object.fromEntries(CONTENDERS.map((name) => [name, []]));
for (let r = 0; r < rounds; r++) {
  for (const contender of shuffle(CONTENDERS)) runs[contender].push(runWorker(contender, files));
}
const largestRss = {};
if (largest) {
  for (const contender of shuffle(CONTENDERS))
    largestRss[contender] = runWorker(contender, [largest]).peakRssMB;
} else {
  console.log('note: no 15 MP photo in this set; the 15 MP peak-RSS column is left empty.');
}

// Well-formedness: every contender made every preset of every file, CPU was measured.
for (const [contender, list] of Object.entries(runs)) {
  for (const run of list) {
    if (run.uploads.length !== files.length || run.uploads.some((u) => !(u.cpuMs > 0) || !u.sizes.small)) {
      throw new Error(`bench/image: ${contender} produced an incomplete result`);
    }
  }
}

const rows = CONTENDERS.map((contender) => {
  const list = runs[contender];
  const cpuPerRound = list.map((run) => median(run.uploads.map((u) => u.cpuMs)));
  const wall = list.flatMap((run) => run.uploads.map((u) => u.wallMs));
  const ratio = list[0].uploads.map(
    (u) => Object.values(u.sizes).reduce((sum, s) => sum + s.bytes, 0) / u.sourceBytes,
  );
  return {
    contender,
    cpu: median(cpuPerRound),
    cpuMin: Math.min(...cpuPerRound),
    cpuMax: Math.max(...cpuPerRound),
    meanCpu: median(list.map((run) => run.uploads.reduce((sum, u) => sum + u.cpuMs, 0) / run.uploads.length)),
    wall: median(wall),
    slowest: Math.max(...wall),
    rss: median(list.map((run) => run.peakRssMB)),
    rss15: largestRss[contender],
    upright: list.every((run) => run.upright),
    ratio: median(ratio),
    extras: list[0].uploads.every((u) => u.extras),
  };
});
const naive = rows.find((row) => row.contender === 'sharp-naive').cpu;

console.log(
  '\n| contender | CPU ms / upload, median (range over rounds) | vs sharp-naive | mean CPU ms | median job ms | slowest job ms | peak RSS MB (all files) | peak RSS MB (15 MP alone) | upright (EXIF 6) | 4 sizes / upload bytes | placeholder + colour | baseline CPU ms |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.contender} | **${round(row.cpu)}** (${round(row.cpuMin)}–${round(row.cpuMax)}) | ${round(row.cpu / naive, 2)}x | ${round(row.meanCpu)} | ${round(row.wall)} | ${round(row.slowest)} | ${round(row.rss)} | ${row.rss15 === undefined ? '—' : round(row.rss15)} | ${row.upright ? 'yes' : '**no**'} | ${round(row.ratio, 2)}x | ${row.extras ? 'yes' : 'no'} | ${BASELINE[row.contender] ?? '—'} |`,
  );
}

const perfkitRuns = runs.perfkit[0].uploads;
console.log(
  '\nperfkit output bytes per preset against the upload (median over files; sizes equal to a smaller one are skipped):',
);
console.log('| preset | files | median KB | median out/in % |');
console.log('| --- | --- | --- | --- |');
for (const preset of ['thumbnail', 'small', 'medium', 'large']) {
  const made = perfkitRuns.filter((u) => u.sizes[preset]);
  if (made.length === 0) continue;
  console.log(
    `| ${preset} | ${made.length}/${perfkitRuns.length} | ${round(median(made.map((u) => u.sizes[preset].bytes / 1024)), 1)} | ${round(median(made.map((u) => (100 * u.sizes[preset].bytes) / u.sourceBytes)), 1)} |`,
  );
}

const perfkit = rows.find((row) => row.contender === 'perfkit');
console.log('\nTargets:');
console.log(
  `- CPU per upload incl. placeholder + colour ≤ ${TARGET_CPU_MS} ms: ${round(perfkit.cpu)} ms → ${perfkit.cpu <= TARGET_CPU_MS ? 'met' : 'NOT met'}`,
);
if (perfkit.rss15 !== undefined) {
  console.log(
    `- peak RSS for a 15 MP photo ≤ ${TARGET_RSS_MB} MB: ${round(perfkit.rss15)} MB → ${perfkit.rss15 <= TARGET_RSS_MB ? 'met' : 'NOT met'}`,
  );
}
console.log(`- upright output for EXIF-rotated photos: ${perfkit.upright ? 'met' : 'NOT met'}`);
if (quick) console.log('\n(--quick: one round on the fixtures; it checks the harness, not the targets.)');
