// One small interface over two drivers: PGlite (Postgres compiled to WebAssembly, data kept in a
// directory) by default, node-postgres when DATABASE_URL is set. Both speak the same SQL and $1 params.
import { unlinkSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * @typedef {object} Database
 * @property {'pglite' | 'postgres'} kind
 * @property {(text: string, params?: unknown[]) => Promise<any[]>} query Rows of one statement.
 * @property {(sql: string) => Promise<void>} exec Runs a script of several statements.
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ url?: string, dataDir?: string }} [options]
 * @returns {Promise<Database>}
 */
export async function connectDatabase({ url = process.env.DATABASE_URL, dataDir } = {}) {
  if (url) return connectPostgres(url);
  if (!dataDir)
    throw new Error('connectDatabase: Expected a dataDir for PGlite when DATABASE_URL is not set.');
  return connectPglite(dataDir);
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * PGlite has no postmaster to keep a second process out, and two processes writing one data directory
 * corrupt it. A lock file holding the owner's pid does that job; a lock left by a dead process is taken over.
 * @param {string} dataDir
 */
async function lockDataDir(dataDir) {
  // Beside the directory, not in it: PGlite's initdb wants the directory to itself.
  const path = `${resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      const releaseOnExit = () => {
        try {
          unlinkSync(path);
        } catch {}
      };
      process.once('exit', releaseOnExit);
      return async () => {
        process.off('exit', releaseOnExit);
        await unlink(path).catch(() => {});
      };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(path, 'utf8').catch(() => ''));
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `connectDatabase: The data directory ${dataDir} is in use by process ${owner}. ` +
            'Stop that process, or give this one its own directory (DEMO_DATA_DIR).',
        );
      }
      if (owner === process.pid) {
        throw new Error(`connectDatabase: The data directory ${dataDir} is already open in this process.`);
      }
      await unlink(path).catch(() => {});
    }
  }
  throw new Error(`connectDatabase: Could not lock the data directory ${dataDir}.`);
}

/**
 * @param {string} dataDir
 * @returns {Promise<Database>}
 */
async function connectPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  let db;
  try {
    db = await PGlite.create({ dataDir });
  } catch (error) {
    await unlock();
    throw error;
  }
  let closed = false;
  return {
    kind: /** @type {const} */ ('pglite'),
    /** @param {string} text @param {unknown[]} [params] */
    async query(text, params = []) {
      if (closed) throw new Error('database is closed');
      return (await db.query(text, params)).rows;
    },
    /** @param {string} sql */
    async exec(sql) {
      if (closed) throw new Error('database is closed');
      await db.exec(sql);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        await unlock();
      }
    },
  };
}

/**
 * @param {string} url
 * @returns {Promise<Database>}
 */
async function connectPostgres(url) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 2000 });
  // A pool error (server restarted) must not crash the process: the next query reports it as a 503.
  pool.on('error', () => {});
  return {
    kind: /** @type {const} */ ('postgres'),
    /** @param {string} text @param {unknown[]} [params] */
    async query(text, params = []) {
      return (await pool.query(text, params)).rows;
    },
    /** @param {string} sql */
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
