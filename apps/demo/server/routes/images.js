// /img/<id>?w=&q=: on-demand renditions of the sample photos and of uploaded originals, through the
// pipeline's imageHandler (allowlisted widths and qualities, format from Accept, each variant made once),
// and /images/: the content-hashed responsive files, cacheable forever.
import { join } from 'node:path';
import { imageHandler } from '@perfkit/server';
import express from 'express';
import { reshapeImageErrors } from '../errors.js';

// imageUpload names originals after a hex content hash; the sample photos have word names.
const UPLOADED = /^[a-f0-9]{16,}(\.\w+)?$/;

/** @param {import('../app.js').Deps} deps */
export function registerImageRoutes({ app, paths, photos, renderQueue }) {
  const common = {
    queue: renderQueue,
    formats: /** @type {import('@perfkit/server').ImageFormat[]} */ (['avif', 'webp']),
  };
  const fromPhotos = imageHandler({ root: paths.photos, cacheDir: join(paths.renders, 'photos'), ...common });
  const fromUploads = imageHandler({
    root: paths.uploads,
    cacheDir: join(paths.renders, 'uploads'),
    ...common,
  });

  // Mounted with use(), not get(): the handler reads the id from the path below its mount point.
  app.use('/img', reshapeImageErrors, (req, res, next) => {
    res.locals.routeLabel = '/img/:id';
    const id = req.path.slice(1);
    if (UPLOADED.test(id)) return fromUploads(req, res, next);
    // A photo may be named by its id alone, as the database stores it.
    const file = photos.fileOf(id);
    if (file) req.url = `/${file}${req.url.slice(req.path.length)}`;
    return fromPhotos(req, res, next);
  });

  app.use(
    '/images',
    (_req, res, next) => {
      res.locals.routeLabel = '/images/*';
      next();
    },
    express.static(paths.images, { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
}
