// Builds the demo's server: database (PGlite or PostgreSQL), response cache (memory or Redis), image
// pipeline, JSON API, health and metrics, and the built client. Tests create it with their own options.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCacheManager, createImageQueue } from '@perfkit/server';
import compression from 'compression';
import express from 'express';
import { connectDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { apiNotFound, errorHandler } from './errors.js';
import { registerHealthRoutes } from './health.js';
import { createMetrics } from './metrics.js';
import { createPhotoLibrary } from './photos.js';
import { registerChatRoutes } from './routes/chat.js';
import { registerImageRoutes } from './routes/images.js';
import { registerPhotoRoutes } from './routes/photos.js';
import { registerPostRoutes } from './routes/posts.js';
import { registerProductRoutes } from './routes/products.js';
import { registerUploadRoutes } from './routes/uploads.js';
import { registerUserRoutes } from './routes/users.js';
import { registerVideoRoutes } from './routes/videos.js';
import { registerClient } from './static.js';

const demoDir = resolve(import.meta.dirname, '..');

/**
 * @typedef {object} AppOptions
 * @property {string} [dataDir] Where PGlite, generated images and uploads live. Default `DEMO_DATA_DIR`, else `apps/demo/data`.
 * @property {string} [databaseUrl] PostgreSQL URL; without it PGlite runs in `<dataDir>/pglite`. Default `DATABASE_URL`.
 * @property {string} [redisUrl] Redis URL for the cache; without it the cache is in memory. Default `REDIS_URL`.
 * @property {string} [distDir] The built client. Default `apps/demo/dist`.
 * @property {string} [photosDir] The sample photos. Default `apps/demo/photos`.
 * @property {boolean} [warmPhotos] Make the photo manifests at start rather than on first use. Default true.
 * @property {(message: string, error?: unknown) => void} [log] Default `console.error`.
 */

/**
 * @typedef {object} Deps
 * @property {import('express').Express} app
 * @property {import('./db/connect.js').Database} db
 * @property {import('@perfkit/server').CacheManager} cache
 * @property {(options: import('@perfkit/server').CacheMiddlewareOptions) => import('express').RequestHandler} cached
 * @property {Awaited<ReturnType<typeof createPhotoLibrary>>} photos
 * @property {{ photos: string, images: string, uploads: string, renders: string }} paths
 * @property {import('@perfkit/server').ImageQueue} uploadQueue
 * @property {import('@perfkit/server').ImageQueue} renderQueue
 */

/**
 * @param {AppOptions} [options]
 */
export async function createApp(options = {}) {
  const dataDir = resolve(options.dataDir ?? process.env.DEMO_DATA_DIR ?? join(demoDir, 'data'));
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const paths = {
    photos: resolve(options.photosDir ?? join(demoDir, 'photos')),
    images: join(dataDir, 'images'),
    uploads: join(dataDir, 'uploads'),
    renders: join(dataDir, 'renders'),
  };
  await Promise.all(Object.values(paths).map((dir) => mkdir(dir, { recursive: true })));

  const started = performance.now();
  const db = await connectDatabase({
    url: options.databaseUrl ?? process.env.DATABASE_URL,
    dataDir: join(dataDir, 'pglite'),
  });
  let migration;
  try {
    migration = await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const databaseSeconds = (performance.now() - started) / 1000;

  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  let lastCacheError = 0;
  const cache = createCacheManager({
    ...(redisUrl ? { redis: redisUrl } : {}),
    prefix: 'perfkit-demo:',
    // Twice the package's default: the demo shares two cores with its browser tests, and a Redis read that
    // times out only costs a trip to the database.
    commandTimeoutMs: 200,
    // Redis faults never fail a request (the origin answers); say so at most once a minute.
    onError: (error) => {
      if (Date.now() - lastCacheError < 60_000) return;
      lastCacheError = Date.now();
      log('perfkit demo: cache store error, answering from the database meanwhile:', error);
    },
  });
  const metrics = createMetrics();
  cache.registerMetrics(metrics.registry);

  // One CPU budget for all image work, reported per kind.
  const imageQueue = createImageQueue({ concurrency: 2, maxQueued: 16 });
  const photos = await createPhotoLibrary({
    photosDir: paths.photos,
    outDir: paths.images,
    publicPath: '/images/',
    manifestFile: join(dataDir, 'photo-manifests.json'),
    timeJob: metrics.timeImageJob,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(metrics.httpLatency);
  app.use(compression());

  /** @type {Deps} */
  const deps = {
    app,
    db,
    cache,
    // The demo has no login: only a session cookie named "sid" would make an answer personal, so cookies
    // that other apps on 127.0.0.1 leave in the browser do not switch the cache off.
    cached: (cacheOptions) => cache.middleware({ sessionCookies: ['sid'], ...cacheOptions }),
    photos,
    paths,
    uploadQueue: metrics.timedQueue(imageQueue, 'upload'),
    renderQueue: metrics.timedQueue(imageQueue, 'render'),
  };

  registerHealthRoutes(deps);
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  registerPostRoutes(deps);
  registerProductRoutes(deps);
  registerChatRoutes(deps);
  registerUserRoutes(deps);
  registerVideoRoutes(deps);
  registerPhotoRoutes(deps);
  registerUploadRoutes(deps);
  registerImageRoutes(deps);
  app.use('/api', apiNotFound);
  const hasClient = registerClient(app, resolve(options.distDir ?? join(demoDir, 'dist')));
  app.use(errorHandler((error) => log('perfkit demo: unexpected error', error)));

  const warming =
    options.warmPhotos === false
      ? Promise.resolve()
      : photos.warm().then(
          () => {},
          (error) => log('perfkit demo: could not prepare the photo manifests', error),
        );

  let closed = false;
  return {
    app,
    db,
    cache,
    metrics,
    photos,
    paths,
    hasClient,
    /** How the database started: whether this start seeded it, and the seconds it took. */
    startup: { seeded: migration.seeded, databaseSeconds },
    /** Resolves once the photo manifests exist. */
    warming,
    async close() {
      if (closed) return;
      closed = true;
      await warming;
      await Promise.allSettled([db.close(), cache.close()]);
    },
  };
}
