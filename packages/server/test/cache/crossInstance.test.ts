import type { Request, Response } from 'express';
import request from 'supertest';
import { describe, expect, inject, it } from 'vitest';
import { createCacheManager } from '../../src/index.js';
import { newApp, sleep, untilReady } from './helpers.js';

// Two managers with their own connections and their own in-process single flight: two app instances.
function twoInstances(prefix: string, lockMs: number) {
  const url = inject('redisUrl');
  return [
    createCacheManager({ redis: url, prefix, lockMs }),
    createCacheManager({ redis: url, prefix, lockMs }),
  ] as const;
}

describe('given two instances sharing Redis with lockMs', () => {
  it('calls the origin once for 200 cold requests split across both instances', async () => {
    const instances = twoInstances(`lock-${process.pid}-a:`, 2000);
    let calls = 0;
    const servers = instances.map((cache) => {
      const app = newApp();
      app.get('/p/:id', cache.middleware({ ttl: 60 }), async (req: Request, res: Response) => {
        calls++;
        await sleep(50);
        res.json({ id: req.params.id });
      });
      return app.listen(0, '127.0.0.1');
    });
    try {
      await Promise.all(instances.map(untilReady));
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          request(servers[i % 2] as (typeof servers)[number]).get('/p/1'),
        ),
      );
      expect(answers.every((a) => a.status === 200 && a.body.id === '1')).toBe(true);
      expect(calls).toBe(1);
    } finally {
      for (const server of servers) server.close();
      await Promise.all(instances.map((cache) => cache.close()));
    }
  });

  it('wrap loads once across instances, and a waiter loads itself once the holder gives up', async () => {
    const [a, b] = twoInstances(`lock-${process.pid}-b:`, 300);
    try {
      await Promise.all([untilReady(a), untilReady(b)]);
      let loads = 0;
      const load = async () => {
        loads++;
        await sleep(50);
        return { v: 1 };
      };
      const values = await Promise.all([a.wrap('feed', 'x', 60, load), b.wrap('feed', 'x', 60, load)]);
      expect(values).toEqual([{ v: 1 }, { v: 1 }]);
      expect(loads).toBe(1);
      // The holder's loader returns nothing to store: the other instance stops waiting within lockMs.
      const started = Date.now();
      const [none, own] = await Promise.all([
        a.wrap('feed', 'y', 60, async () => {
          await sleep(20);
          return undefined;
        }),
        sleep(5).then(() => b.wrap('feed', 'y', 60, async () => 'own')),
      ]);
      expect(none).toBeUndefined();
      expect(own).toBe('own');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
