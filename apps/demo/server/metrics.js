// Prometheus metrics on a registry of this app's own (tests run several apps in one process): HTTP latency
// per route, image jobs and their durations, and the cache's counters (registered by the cache itself).
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** @typedef {ReturnType<typeof createMetrics>} Metrics */

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP response time per route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const imageJobs = new Counter({
    name: 'demo_image_jobs_total',
    help: 'Image jobs by kind (upload, render, manifest) and outcome (ok, error)',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const imageDuration = new Histogram({
    name: 'demo_image_job_duration_seconds',
    help: 'Time one image job took, queue wait excluded',
    labelNames: ['kind'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  /**
   * Times every response under its route pattern (`/api/posts/:id/comments`), never the raw URL, so the
   * label set stays small whatever clients request.
   * @param {import('express').Request} req
   * @param {import('express').Response} res
   * @param {import('express').NextFunction} next
   */
  function httpLatency(req, res, next) {
    const end = httpDuration.startTimer();
    res.once('finish', () => {
      const route = res.locals.routeLabel ?? (req.route ? String(req.route.path) : 'unmatched');
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }

  /**
   * Runs one image job and records it.
   * @template T
   * @param {'upload' | 'render' | 'manifest'} kind
   * @param {() => Promise<T>} job
   * @returns {Promise<T>}
   */
  async function timeImageJob(kind, job) {
    const end = imageDuration.startTimer({ kind });
    try {
      const result = await job();
      imageJobs.inc({ kind, outcome: 'ok' });
      return result;
    } catch (error) {
      imageJobs.inc({ kind, outcome: 'error' });
      throw error;
    } finally {
      end();
    }
  }

  /**
   * A view of the shared image queue that times each job under `kind`: uploads and renders share one
   * CPU budget but are reported apart.
   * @param {import('@perfkit/server').ImageQueue} queue
   * @param {'upload' | 'render'} kind
   * @returns {import('@perfkit/server').ImageQueue}
   */
  function timedQueue(queue, kind) {
    return {
      run: (job) => queue.run(() => timeImageJob(kind, job)),
      get running() {
        return queue.running;
      },
      get waiting() {
        return queue.waiting;
      },
      get full() {
        return queue.full;
      },
      get retryAfterSeconds() {
        return queue.retryAfterSeconds;
      },
    };
  }

  return { registry, httpLatency, timeImageJob, timedQueue };
}
