// Small HTTP helpers for warm-up, the stampede and the probe after Redis stops.
import http from 'node:http';

export function get(port, path, { agent, timeoutMs = 15_000 } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ status: 0, ms: performance.now() - started, timedOut: true });
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
  });
}

/** Requests every path once, `concurrency` at a time. */
export async function fill(port, paths, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const worker = async () => {
    while (next < paths.length) await get(port, paths[next++], { agent });
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
}

/** `count` requests for one path, all sent at once on their own connections. */
export async function burst(port, path, count) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: count }, () => get(port, path, { agent })));
  agent.destroy();
  return { ok: answers.filter((a) => a.status === 200).length, ms: performance.now() - started };
}
