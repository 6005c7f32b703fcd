// tsc keeps extensionless relative specifiers in .d.ts files; Node's ESM resolution (and TypeScript's
// node16/nodenext modes used by consumers) needs the full file name. Rewrite them after the build.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const specifier = /(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;

const leaks = [];

function fix(file) {
  const source = readFileSync(file, 'utf8');
  // The build compiles with Node's types so that dev-only `process.env.NODE_ENV` checks type-check;
  // none of them may reach the published types, where users without @types/node would see errors.
  if (/\bNodeJS\.|reference types="node"/.test(source)) leaks.push(file);
  const next = source.replace(specifier, (match, lead, quote, path) => {
    if (/\.(js|mjs|cjs|json|css)$/.test(path)) return match;
    const base = join(dirname(file), path);
    if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${path}.js${quote}`;
    if (existsSync(join(base, 'index.d.ts'))) return `${lead}${quote}${path}/index.js${quote}`;
    // Not a file of ours (an example inside a doc comment): leave it; attw flags real misses.
    return match;
  });
  if (next !== source) writeFileSync(file, next);
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.d.ts')) fix(path);
  }
}

walk(root);
if (leaks.length > 0) {
  console.error(`Node types leaked into the published declarations:\n  ${leaks.join('\n  ')}`);
  process.exit(1);
}
