// Packs @perfkit/react as npm would publish it, installs the tarball into throw-away apps with React 18.3
// and React 19, and server-renders every public export from the installed package. It catches a broken
// `exports` map or a file missing from the tarball, which tests against src/ never see.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const reactVersions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['18.3.1', '19.3.1'];
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
    process.stdout.write(`React ${version}: ${output}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
