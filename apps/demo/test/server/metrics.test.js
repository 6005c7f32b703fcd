import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, startDemo } from './setup.js';

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
beforeAll(async () => {
  // Rendered variants are a disk cache; start without it so this process renders what it asks for.
  await rm(join(dataDir, 'renders'), { recursive: true, force: true });
  demo = await startDemo();
});
afterAll(() => demo?.close());

/** @param {string} text @param {string} name @param {Record<string, string>} labels */
function sample(text, name, labels) {
  const line = text
    .split('\n')
    .find(
      (row) =>
        row.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => row.includes(`${key}="${value}"`)),
    );
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('GET /metrics', () => {
  it('exports cache hits, misses and hit rate per namespace, HTTP latency per route, and image jobs', async () => {
    await demo.request('/api/posts/5/comments');
    await demo.request('/api/posts/5/comments');
    await demo.request('/api/posts/5/comments');
    await demo.request('/api/products/1234');
    // Read the body: the latency is recorded when the response has been sent in full.
    await (
      await demo.request('/img/vector-desert?w=150&q=75', { headers: { accept: 'image/webp' } })
    ).arrayBuffer();

    const response = await demo.request('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'perfkit_cache_misses_total', { namespace: 'comments' })).toBe(1);
    expect(sample(text, 'perfkit_cache_hits_total', { namespace: 'comments' })).toBe(2);
    expect(sample(text, 'perfkit_cache_hit_ratio', { namespace: 'comments' })).toBeCloseTo(2 / 3);
    expect(sample(text, 'perfkit_cache_misses_total', { namespace: 'product-details' })).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/posts/:id/comments',
        status: '200',
      }),
    ).toBe(3);
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/img/:id' })).toBe(1);
    expect(text).toContain('demo_image_job_duration_seconds_bucket');
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('counts an image render once, however often the variant is asked for', async () => {
    const read = async () => {
      const text = await (await demo.request('/metrics')).text();
      return {
        jobs: sample(text, 'demo_image_jobs_total', { kind: 'render', outcome: 'ok' }) ?? 0,
        timed: sample(text, 'demo_image_job_duration_seconds_count', { kind: 'render' }) ?? 0,
      };
    };
    const before = await read();
    await demo.request('/img/vector-aliens?w=400&q=90', { headers: { accept: 'image/png' } });
    await demo.request('/img/vector-aliens?w=400&q=90', { headers: { accept: 'image/png' } });
    expect(await read()).toEqual({ jobs: before.jobs + 1, timed: before.timed + 1 });
  });
});
