// Creates the schema, seeds it once (the marker row in demo_meta says so) and makes sure every index
// exists. A restart over a seeded data directory only runs the cheap IF NOT EXISTS statements.
import { readFile } from 'node:fs/promises';

const SEED_VERSION = '1';
/** @param {string} name */
const sqlFile = (name) => readFile(new URL(name, import.meta.url), 'utf8');

/**
 * @param {import('./connect.js').Database} db
 * @returns {Promise<{ seeded: boolean, seconds: number }>} whether this call seeded, and how long it took.
 */
export async function migrate(db) {
  const started = performance.now();
  await db.exec(await sqlFile('schema.sql'));
  const [marker] = await db.query('SELECT value FROM demo_meta WHERE key = $1', ['seed_version']);
  let seeded = false;
  if (marker?.value !== SEED_VERSION) {
    await db.exec(
      `BEGIN;\n${await sqlFile('seed.sql')}\n${await sqlFile('indexes.sql')}\n` +
        `INSERT INTO demo_meta (key, value) VALUES ('seed_version', '${SEED_VERSION}');\nCOMMIT;\nANALYZE;`,
    );
    seeded = true;
  } else {
    await db.exec(await sqlFile('indexes.sql'));
  }
  await db.query("SELECT setval('messages_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM messages), false)");
  // Index-only scans need the visibility map that VACUUM sets; the products table is small, so this is
  // milliseconds (VACUUM cannot run inside the seeding transaction).
  await db.exec('VACUUM ANALYZE products');
  return { seeded, seconds: (performance.now() - started) / 1000 };
}

export async function readIndexSql() {
  return sqlFile('indexes.sql');
}
