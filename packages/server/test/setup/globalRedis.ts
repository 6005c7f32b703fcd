import type { TestProject } from 'vitest/node';
import { type RedisProcess, startRedis } from './redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let redis: RedisProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  redis = await startRedis();
  project.provide('redisUrl', redis.url);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
}
