// Runs inside the throw-away app against the installed tarball: every value export of every entry point
// must have a sample, and every sample must render (or run) on the server without touching window.
import { createElement, version } from 'react';
import { samples } from './samples.mjs';

// React reports bad props and markup through console.error during a server render: each is a failure here.
const reported = [];
console.error = (...args) => reported.push(args.map(String).join(' '));

let rendered = 0;
for (const [entry, entrySamples] of Object.entries(samples)) {
  const module = await import(entry);
  const exported = Object.keys(module).sort();
  const missing = exported.filter((name) => !(name in entrySamples));
  const stale = Object.keys(entrySamples).filter((name) => !(name in module));
  if (missing.length > 0) throw new Error(`${entry}: no smoke sample for export(s) ${missing.join(', ')}`);
  if (stale.length > 0) throw new Error(`${entry}: export(s) ${stale.join(', ')} missing from the package`);
  for (const name of exported) {
    const result = entrySamples[name]({ h: createElement, m: module });
    if (result && typeof result === 'object' && 'html' in result) {
      if (!result.html.includes(result.expect)) {
        throw new Error(`${entry} ${name}: expected ${JSON.stringify(result.expect)} in ${result.html}`);
      }
    }
    rendered += 1;
  }
}
if (reported.length > 0) throw new Error(`React reported during server rendering:\n${reported.join('\n')}`);
if (typeof window !== 'undefined') throw new Error('something defined window');
console.log(`${rendered} exports rendered on the server with React ${version}\n`);
