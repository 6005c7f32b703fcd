// A throwaway PostgreSQL server for the DATABASE_URL path: initdb into a temporary directory, listen on
// 127.0.0.1 only, trust authentication, no fsync. Postgres refuses to run as root, so as root it runs as
// the "postgres" user. Needs the PostgreSQL server binaries (Debian: postgresql) on PATH or in the
// Debian/Ubuntu location.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './setup.js';

function findBinary(name) {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (existsSync(join(dir, name))) return join(dir, name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort().reverse()) {
      const path = join(debian, version, 'bin', name);
      if (existsSync(path)) return path;
    }
  }
  throw new Error(`${name} not found: install the PostgreSQL server (Debian: apt-get install postgresql).`);
}

export async function startPostgres() {
  const asRoot = process.getuid?.() === 0;
  /** @param {string} binary @param {string[]} args */
  const command = (binary, args) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  const dir = mkdtempSync(join(tmpdir(), 'perfkit-demo-pg-'));
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres'])),
      Number(execFileSync('id', ['-g', 'postgres'])),
    );
  const [initdb, initArgs] = command(findBinary('initdb'), [
    '-D',
    join(dir, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
  ]);
  execFileSync(/** @type {string} */ (initdb), /** @type {string[]} */ (initArgs), { stdio: 'ignore' });
  const port = await freePort();
  const postgres = findBinary('postgres');
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;

  async function start() {
    const [binary, args] = command(postgres, [
      '-D',
      join(dir, 'data'),
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
    ]);
    const started = spawn(/** @type {string} */ (binary), /** @type {string[]} */ (args), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('postgres did not start within 20 s')), 20_000);
      started.stderr?.on('data', (chunk) => {
        if (String(chunk).includes('ready to accept connections')) {
          clearTimeout(timer);
          resolve(undefined);
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`postgres exited with ${code}`));
      });
    });
  }

  /** Stops the server the way a crash or a failover looks to the app: every connection drops at once. */
  async function stop() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // Through pg_ctl, not a signal to our child: as root that child is runuser, which does not pass signals on.
    const [binary, args] = command(findBinary('pg_ctl'), [
      'stop',
      '-D',
      join(dir, 'data'),
      '-m',
      'immediate',
      '-s',
    ]);
    execFileSync(/** @type {string} */ (binary), /** @type {string[]} */ (args), { stdio: 'ignore' });
    await exited;
  }

  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
