// Runs the server benchmarks one after the other: `node bench/run.mjs [--quick] [cache|image ...]`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith('--'));
const picked = args.filter((arg) => !arg.startsWith('--'));
const suites = (picked.length > 0 ? picked : ['cache', 'image']).filter((name) =>
  existsSync(join(here, name, 'run.mjs')),
);

for (const suite of suites) {
  const result = spawnSync(process.execPath, [join(here, suite, 'run.mjs'), ...flags], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
