// `npm test`: every check CI runs, in order, with the time each took. Building comes first because the
// server package and the demo import @perfkit/react through its published entry (dist/).
import { spawnSync } from 'node:child_process';

process.env.STORYBOOK_DISABLE_TELEMETRY = '1';
process.env.CHROME_PATH ??= '/usr/bin/chromium';

const steps = [
  ['build', 'npm run build && npm run build --workspace packages/server', { required: true }],
  [
    'typecheck',
    'npm run typecheck && npm run typecheck --workspace packages/server && npx tsc --noEmit -p apps/demo/tsconfig.json',
  ],
  ['lint and format', 'npm run lint'],
  ['unit and ssr tests (jsdom, node)', 'npm run test:unit'],
  ['browser tests (Chromium)', 'npm run test:browser'],
  ['server tests (real redis-server, real sharp)', 'npm test --workspace packages/server'],
  ['package checks (publint, attw)', 'npm run test:package'],
  ['size budgets (size-limit)', 'npm run test:size'],
  ['packed tarball on React 18.3 and 19, Node 20 and 24', 'npm run test:pack'],
  ['storybook build', 'npm run build-storybook'],
  ['benchmarks, quick mode', 'node bench/run.mjs --quick && npm run bench:quick --workspace packages/server'],
  ['demo: build, end-to-end and Lighthouse CI', 'npm run test:demo --if-present --workspace apps/demo'],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command, options = {}] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n▶ ${name}: ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: status === 0, seconds });
  if (status !== 0 && options.required) break;
}

console.log('\nnpm test summary');
for (const { name, ok, seconds } of results)
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${seconds.padStart(6)} s  ${name}`);
const failed = results.filter((result) => !result.ok);
if (failed.length > 0) {
  console.log(`\n${failed.length} step(s) failed: ${failed.map((result) => result.name).join(', ')}`);
  process.exit(1);
}
