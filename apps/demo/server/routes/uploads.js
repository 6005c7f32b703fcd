// Photo uploads: the pipeline checks and decodes the file, writes its responsive sizes (served from
// /images/, immutable) and keeps the original for /img/<id>; the upload is recorded in the files table.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { imageUpload } from '@perfkit/server';
import { fromDatabase, reshapeImageErrors } from '../errors.js';

const ORIGINAL_EXTENSIONS = ['jpg', 'png', 'webp', 'avif', 'gif'];

/**
 * imageUpload keeps the original as `<id>.<ext>` with the extension of the sniffed type; find which.
 * @param {string} dir
 * @param {string} id
 */
async function originalName(dir, id) {
  for (const ext of ORIGINAL_EXTENSIONS) {
    const name = `${id}.${ext}`;
    if (
      await stat(join(dir, name)).then(
        () => true,
        () => false,
      )
    )
      return name;
  }
  return undefined;
}

/** @param {import('../app.js').Deps} deps */
export function registerUploadRoutes({ app, db, paths, uploadQueue }) {
  app.post(
    '/api/uploads',
    reshapeImageErrors,
    imageUpload({
      outDir: paths.images,
      publicPath: '/images/',
      originalsDir: paths.uploads,
      queue: uploadQueue,
      maxFileSize: 15 * 1024 * 1024,
    }),
    async (req, res) => {
      const image = /** @type {import('@perfkit/server').ResponsiveImage} */ (req.images?.[0]);
      const file = /** @type {{ files?: { originalname: string }[] }} */ (req).files?.[0];
      const { width, height, sources, src, placeholder } = image;
      const manifest = { width, height, sources, src, placeholder };
      const id = (await originalName(paths.uploads, image.id)) ?? image.id;
      await fromDatabase(() =>
        db.query('INSERT INTO files (owner_id, original_name, manifest) VALUES (NULL, $1, $2)', [
          String(file?.originalname ?? 'upload').slice(0, 200),
          JSON.stringify({ id, ...manifest }),
        ]),
      );
      res.status(201).json({
        id,
        url: `/img/${id}`,
        manifest,
        dominantColor: placeholder.color ?? null,
        placeholder,
        sizes: image.files.map((entry) => ({
          width: entry.width,
          height: entry.height,
          format: entry.format,
          bytes: entry.size,
          url: entry.url,
        })),
      });
    },
  );
}
