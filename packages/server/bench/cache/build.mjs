// Bundles src/cache with esbuild so the benchmark measures the current source even while the package
// build is broken elsewhere (dependencies stay external and resolve from node_modules).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildCache() {
  const outdir = join(here, '.build');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'perfkit-cache.mjs');
  await build({
    entryPoints: [resolve(here, '..', '..', 'src', 'cache', 'CacheManager.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
