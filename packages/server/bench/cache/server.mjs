// One contender in a fresh process (forked by run.mjs). Answers IPC messages:
//   { type: 'reset' }  → zero the CPU and request counters (after warm-up)
//   { type: 'stats' }  → { cpuUs, requests, originCalls } since the last reset
import express from 'express';
import { CONTENDERS, EXTRA_CONTENDERS } from './contenders.mjs';
import { createOrigin } from './origin.mjs';

const [contender, redisUrl, perfkitPath] = process.argv.slice(2);
const perfkit = await import(perfkitPath);
const { counter, load } = createOrigin();
let requests = 0;
let cpu = process.cpuUsage();

const app = express();
app.use((_req, _res, next) => {
  requests++;
  next();
});
const close = await (CONTENDERS[contender] ?? EXTRA_CONTENDERS[contender])(app, { load, perfkit, redisUrl });
const server = app.listen(0, '127.0.0.1', () => {
  process.send({ type: 'ready', port: server.address().port });
});
server.keepAliveTimeout = 30_000;

process.on('message', async (message) => {
  if (message.type === 'reset') {
    requests = 0;
    counter.calls = 0;
    cpu = process.cpuUsage();
    process.send({ type: 'reset' });
  } else if (message.type === 'stats') {
    const used = process.cpuUsage(cpu);
    process.send({ type: 'stats', cpuUs: used.user + used.system, requests, originCalls: counter.calls });
  } else if (message.type === 'exit') {
    server.closeAllConnections();
    server.close();
    await Promise.race([close?.(), new Promise((resolve) => setTimeout(resolve, 500))]).catch(() => {});
    process.exit(0);
  }
});
