// Response-cache benchmark: @perfkit/server's cache middleware (memory, Redis, L1 + Redis) against no cache,
// apicache, cache-manager 7 (memory and Redis via keyv) and a hand-written ioredis cache-aside, all in front
// of one Express route with a 20 ms, 5 KB JSON origin, each run in a fresh forked server process with its own
// redis-server. autocannon shares the 2 cores with the server, so req/s ranges overlap; the primary figure is
// the server's CPU time per request (process.cpuUsage() inside the server, reset after warm-up).
//
//   node bench/cache/run.mjs            5 interleaved rounds of 5 s per contender, stampede ×3, Redis stop
//   node bench/cache/run.mjs --quick    1 round of 1 s on 300 keys, stampede ×1, Redis stop for perfkit-redis only
//   options: --runs N  --duration S  --only perfkit-memory,apicache-memory
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { buildCache } from './build.mjs';
import { burst, fill, get } from './client.mjs';
import { CONTENDERS, REDIS_CONTENDERS } from './contenders.mjs';
import { startRedis } from './redis.mjs';
import { formatTables, median } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const quick = args.includes('--quick');
const runs = Number(option('runs', quick ? 1 : 5));
const duration = Number(option('duration', quick ? 1 : 5));
const only = option('only', undefined)?.split(',');
const contenders = Object.keys(CONTENDERS).filter((name) => !only || only.includes(name));
const KEYS = quick ? 300 : 1000;
const CONNECTIONS = 50;
const stampedeRounds = quick ? 1 : Math.min(3, runs);
const downContenders = contenders.filter(
  (name) => REDIS_CONTENDERS.has(name) && (!quick || name === 'perfkit-redis'),
);

const perfkitPath = pathToFileURL(await buildCache()).href;

async function startServer(contender, redisUrl) {
  const child = fork(join(here, 'server.mjs'), [contender, redisUrl ?? '', perfkitPath], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const replies = [];
  const waiting = [];
  child.on('message', (message) => {
    const waiter = waiting.findIndex((w) => w.type === message.type);
    if (waiter === -1) replies.push(message);
    else waiting.splice(waiter, 1)[0].resolve(message);
  });
  const ask = (type, payload = {}) =>
    new Promise((resolve, reject) => {
      const early = replies.findIndex((m) => m.type === type);
      if (early !== -1) return resolve(replies.splice(early, 1)[0]);
      waiting.push({ type, resolve });
      child.once('exit', (code) => reject(new Error(`${contender} server exited with ${code}`)));
      if (type !== 'ready') child.send({ type, ...payload });
    });
  const { port } = await ask('ready');
  return {
    port,
    ask,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'exit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const randomPath = (keys) => `/api/products/${Math.floor(Math.random() * keys)}`;

function cannon(port, { connections, seconds, keys, timeout = 10, onResponse }) {
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: randomPath(keys) }) }],
  });
  if (onResponse) instance.on('response', onResponse);
  return instance;
}

async function loadRun(contender, round) {
  const redis = REDIS_CONTENDERS.has(contender) ? await startRedis() : undefined;
  const server = await startServer(contender, redis?.url);
  try {
    // Every key once (cold misses), then a short full-speed warm-up for the JIT, then measure.
    await fill(
      server.port,
      Array.from({ length: KEYS }, (_, i) => `/api/products/${i}`),
      CONNECTIONS,
    );
    await cannon(server.port, { connections: CONNECTIONS, seconds: quick ? 0.3 : 1, keys: KEYS });
    await server.ask('reset');
    const result = await cannon(server.port, { connections: CONNECTIONS, seconds: duration, keys: KEYS });
    const stats = await server.ask('stats');
    const sample = {
      contender,
      round,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      cpuUsPerRequest: stats.cpuUs / Math.max(1, stats.requests),
      hitRatio: 1 - stats.originCalls / Math.max(1, stats.requests),
      errors: result.errors + result.timeouts + result.non2xx,
    };
    if (round < stampedeRounds) {
      await server.ask('reset');
      const answered = await burst(server.port, `/api/products/stampede-${round}`, 200);
      const after = await server.ask('stats');
      sample.stampede = { originCalls: after.originCalls, ok: answered.ok, ms: answered.ms };
    }
    return sample;
  } finally {
    await server.stop();
    await redis?.stop();
  }
}

/** Redis is stopped a third into a run over 100k keys (mostly misses, so every request touches Redis). */
async function redisDownRun(contender) {
  const seconds = quick ? 1.5 : 9;
  const stopAt = (seconds * 1000) / 3;
  const probeCapMs = quick ? 2000 : 15_000;
  const redis = await startRedis();
  const server = await startServer(contender, redis.url);
  try {
    const started = performance.now();
    let stoppedAt = Number.POSITIVE_INFINITY;
    let okBefore = 0;
    let okAfter = 0;
    const instance = cannon(server.port, {
      connections: 20,
      seconds,
      keys: 100_000,
      timeout: 2,
      onResponse: (_client, status) => {
        if (status < 200 || status >= 300) return;
        if (performance.now() < stoppedAt) okBefore++;
        else okAfter++;
      },
    });
    // Sequential probes on new keys (misses) just before and right after the stop: the load alone already
    // delays every answer on a busy machine, so the "before" probes are the reference for the "after" ones.
    const probes = async (tag, count) => {
      const list = [];
      for (let i = 0; i < count; i++) {
        list.push(await get(server.port, `/api/products/probe-${tag}-${i}`, { timeoutMs: probeCapMs }));
        if (list.at(-1).timedOut) break;
      }
      return list;
    };
    await new Promise((resolve) => setTimeout(resolve, stopAt - 150));
    const before = await probes('before', 3);
    const signalled = performance.now();
    await redis.stop('SIGTERM');
    stoppedAt = performance.now();
    const after = await probes('after', 3);
    const result = await instance;
    const end = started + seconds * 1000;
    return {
      contender,
      okPerSecBefore: okBefore / ((stoppedAt - started) / 1000),
      okPerSecAfter: okAfter / Math.max(0.001, (end - stoppedAt) / 1000),
      timeouts: result.timeouts,
      redisExitMs: stoppedAt - signalled,
      probesBefore: before.map((p) => p.ms),
      probesAfter: after.map((p) => ({ status: p.status, ms: p.ms, timedOut: Boolean(p.timedOut) })),
      probeCapMs,
    };
  } finally {
    await server.stop();
    await redis.stop('SIGKILL');
  }
}

/** 200 cold requests on one key, split over two server processes that share one Redis (scale-out). */
async function crossProcessStampede(contender) {
  const redis = await startRedis();
  const servers = await Promise.all([startServer(contender, redis.url), startServer(contender, redis.url)]);
  try {
    await Promise.all(servers.map((server) => server.ask('reset')));
    const answers = await Promise.all(
      servers.map((server) => burst(server.port, '/api/products/shared-cold-key', 100)),
    );
    const stats = await Promise.all(servers.map((server) => server.ask('stats')));
    return {
      contender,
      originCalls: stats.reduce((sum, s) => sum + s.originCalls, 0),
      ok: answers.reduce((sum, a) => sum + a.ok, 0),
      ms: Math.max(...answers.map((a) => a.ms)),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await redis.stop('SIGKILL');
  }
}

const began = Date.now();
const samples = [];
for (let round = 0; round < runs; round++) {
  // Rotate the order each round so no contender always runs first (or last) on a drifting machine.
  const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
  for (const contender of order) {
    const sample = await loadRun(contender, round);
    samples.push(sample);
    if (!quick)
      console.error(
        `round ${round + 1}/${runs} ${contender}: ${sample.cpuUsPerRequest.toFixed(0)} µs/req, ${sample.rps.toFixed(0)} req/s`,
      );
  }
}
const down = [];
for (const contender of downContenders) down.push(await redisDownRun(contender));
const crossContenders = quick
  ? ['perfkit-redis-lockMs']
  : ['cache-manager-redis', 'aside-ioredis', 'perfkit-redis', 'perfkit-redis-lockMs'];
const cross = [];
for (const contender of crossContenders.filter((name) => !only || only.includes(name)))
  cross.push(await crossProcessStampede(contender));

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  quick,
  runs,
  duration,
  keys: KEYS,
  connections: CONNECTIONS,
  seconds: (Date.now() - began) / 1000,
};
console.log(formatTables({ meta, samples, down, cross, contenders, median }));
if (quick)
  console.log(
    '\n(--quick: one 1 s run per contender checks the harness; quote the full run, not these figures.)',
  );
const outDir = join(here, '.out');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, `cache-${meta.date.replace(/[:.]/g, '-')}.json`),
  JSON.stringify({ meta, samples, down, cross }, null, 2),
);
