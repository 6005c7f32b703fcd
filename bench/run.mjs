// `npm run bench [-- --quick] [images list infinite]`: runs each scenario in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith('--'));
const picked = args.filter((arg) => !arg.startsWith('--'));
const scenarios = (picked.length > 0 ? picked : ['images', 'list', 'infinite']).filter((name) =>
  existsSync(join(here, name, 'run.mjs')),
);

for (const scenario of scenarios) {
  console.log(`\n## ${scenario}\n`);
  const result = spawnSync(process.execPath, [join(here, scenario, 'run.mjs'), ...flags], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`bench: scenario "${scenario}" failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}
