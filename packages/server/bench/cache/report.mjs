// Markdown tables for the cache benchmark: medians over runs, ranges, and ratios against apicache-memory.
const TARGETS = { 'perfkit-memory': 150, 'perfkit-redis': 190, 'perfkit-l1-redis': 190 };
const REFERENCE = 'apicache-memory';

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const range = (values, digits = 0) =>
  values.length > 1 ? ` (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})` : '';

export function formatTables({ meta, samples, down, cross = [], contenders }) {
  const by = (name) => samples.filter((s) => s.contender === name);
  const reference = by(REFERENCE);
  const refCpu = median(reference.map((s) => s.cpuUsPerRequest));
  const refRps = median(reference.map((s) => s.rps));
  // Paired: each sample against the reference run of the same round.
  const paired = (s) => {
    const ref = reference.find((r) => r.round === s.round);
    return ref ? s.cpuUsPerRequest / ref.cpuUsPerRequest : Number.NaN;
  };
  const lines = [
    `Cache benchmark — ${meta.date}, Node ${meta.node}, ${meta.runs} run(s) × ${meta.duration} s per contender,`,
    `${meta.connections} connections, ${meta.keys} keys uniform (warmed), 20 ms / 5 KB origin; took ${fmt(meta.seconds)} s.`,
    '',
    '| contender | **server CPU µs / request** (range) | × apicache (paired) | req/s (range) | × apicache | p50 ms | p99 ms | hit % | errors | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const name of contenders) {
    const list = by(name);
    if (list.length === 0) continue;
    const cpu = list.map((s) => s.cpuUsPerRequest);
    const rps = list.map((s) => s.rps);
    const cpuMedian = median(cpu);
    const target = TARGETS[name];
    lines.push(
      `| ${name} | **${fmt(cpuMedian)}**${range(cpu)} | ${fmt(cpuMedian / refCpu, 2)} (${fmt(median(list.map(paired)), 2)}) | ${fmt(median(rps))}${range(rps)} | ${fmt(median(rps) / refRps, 2)} | ${fmt(median(list.map((s) => s.p50)), 1)} | ${fmt(median(list.map((s) => s.p99)), 1)} | ${fmt(100 * median(list.map((s) => s.hitRatio)), 1)} | ${list.reduce((a, s) => a + s.errors, 0)} | ${target ? `< ${target} ${cpuMedian < target ? 'met' : 'MISSED'}` : ''} |`,
    );
  }
  const stampedes = contenders.map((name) => [name, by(name).filter((s) => s.stampede)]);
  if (stampedes.some(([, list]) => list.length > 0)) {
    lines.push(
      '',
      'Stampede: 200 concurrent requests on one cold key',
      '',
      '| contender | origin calls, median (range) | 200 answers | all answered in ms |',
      '| --- | --- | --- | --- |',
    );
    for (const [name, list] of stampedes) {
      if (list.length === 0) continue;
      const calls = list.map((s) => s.stampede.originCalls);
      lines.push(
        `| ${name} | **${fmt(median(calls))}**${range(calls)} | ${Math.min(...list.map((s) => s.stampede.ok))}/200 | ${fmt(median(list.map((s) => s.stampede.ms)))} |`,
      );
    }
  }
  if (cross.length > 0) {
    lines.push(
      '',
      'Stampede across two server processes sharing one Redis: 200 cold requests on one key, 100 to each',
      '',
      '| contender | origin calls | 200 answers | all answered in ms |',
      '| --- | --- | --- | --- |',
    );
    for (const c of cross)
      lines.push(`| ${c.contender} | **${c.originCalls}** | ${c.ok}/200 | ${fmt(c.ms)} |`);
  }
  if (down.length > 0) {
    lines.push(
      '',
      'Redis stopped (SIGTERM) a third into the run: 20 connections, 100k keys, client timeout 2 s',
      '',
      '| contender | 2xx/s before | 2xx/s after stop | timeouts (> 2 s) | first request after Redis exited | next 2 | reference: 3 requests just before the stop |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const d of down) {
      const show = (p) =>
        p.timedOut ? `no answer within ${d.probeCapMs / 1000} s` : `${p.status} in ${fmt(p.ms)} ms`;
      const [first, ...rest] = d.probesAfter;
      lines.push(
        `| ${d.contender} | ${fmt(d.okPerSecBefore)} | ${fmt(d.okPerSecAfter)} | ${d.timeouts} | **${show(first)}** | ${rest.map((p) => fmt(p.ms)).join(', ') || '–'} ms | ${d.probesBefore.map((ms) => fmt(ms)).join(', ')} ms |`,
      );
    }
  }
  return lines.join('\n');
}
