// The sample photos in apps/demo/photos: their ids (file name without extension), credits, and their
// responsive manifests. A manifest is made once per photo content (the pipeline writes content-hashed
// files into the data directory) and remembered in a JSON file there, so a restart makes none.
import { createHash } from 'node:crypto';
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { generateResponsiveSizes, toImageManifest } from '@perfkit/server';

/** Credits as LICENSES.md gives them (Kodak's grant asks for the photographer's name with each picture). */
/** @type {Record<string, string>} */
const CREDITS = {
  'portrait-kodim04': 'Bob Clemens (Kodak PCD0992)',
  'portrait-kodim18': 'Alan Fink (Kodak PCD0992)',
  'city-kodim08': 'Alfons Rudolph (Kodak PCD0992)',
  'object-kodim20': 'Alan Fink (Kodak PCD0992)',
  'landscape-kodim22': 'Cindy Branham (Kodak KINSA, PCD0992)',
  'animal-kodim23': 'Steve Kelly (Kodak PCD0992)',
  'portrait-kodim15': 'Steve Kelly (Kodak PCD0992)',
  'texture-kodim13': 'Norm Kerr (Kodak PCD0992)',
  'vector-aliens': 'publicdomainvectors.org (CC0 1.0)',
  'vector-desert': 'publicdomainvectors.org (CC0 1.0)',
};

const IMAGE_FILE = /\.(jpe?g|png|webp)$/i;

// Cards are about 160-300 CSS px wide on phones and 240-320 on desktops: a ladder of small widths, AVIF
// first with WebP as the fallback, and qualities a photo grid needs (not a print), keeps each request
// small enough for the Shop's LCP on a throttled mobile connection.
const RENDITIONS = {
  formats: /** @type {const} */ (['avif', 'webp']),
  presets: [
    { name: 'w320', width: 320, quality: 60 },
    { name: 'w480', width: 480, quality: 65 },
    { name: 'w640', width: 640, quality: 70 },
    { name: 'w768', width: 768, quality: 75 },
  ],
};
// Part of the remembered hash: changing the renditions makes every manifest again.
const RENDITIONS_KEY = JSON.stringify(RENDITIONS);

/**
 * @typedef {import('@perfkit/server').ImageManifest} ImageManifest
 * @typedef {{ id: string, file: string, credit: string }} Photo
 */

/**
 * @param {{
 *   photosDir: string,
 *   outDir: string,
 *   publicPath: string,
 *   manifestFile: string,
 *   timeJob: <T>(kind: 'manifest', job: () => Promise<T>) => Promise<T>,
 * }} options
 */
export async function createPhotoLibrary({ photosDir, outDir, publicPath, manifestFile, timeJob }) {
  /** @type {Map<string, Photo>} */
  const photos = new Map();
  for (const file of (await readdir(photosDir)).sort()) {
    if (!IMAGE_FILE.test(file)) continue;
    const id = file.slice(0, -extname(file).length);
    photos.set(id, { id, file, credit: CREDITS[id] ?? 'see photos/LICENSES.md' });
  }

  /** @type {Record<string, { hash: string, manifest: ImageManifest }>} */
  let remembered = {};
  try {
    remembered = JSON.parse(await readFile(manifestFile, 'utf8'));
  } catch {
    // First start, or an unreadable file: the manifests are simply made again.
  }
  /** @type {Map<string, Promise<ImageManifest>>} */
  const pending = new Map();
  // One manifest job at a time: a first start must not take both cores away from the requests.
  let chain = Promise.resolve();

  /** @param {Photo} photo */
  async function build(photo) {
    const bytes = await readFile(join(photosDir, photo.file));
    const hash = createHash('sha256').update(bytes).update(RENDITIONS_KEY).digest('hex').slice(0, 16);
    const known = remembered[photo.id];
    if (known?.hash === hash && (await filesExist(known.manifest))) return known.manifest;
    const image = await timeJob('manifest', () =>
      generateResponsiveSizes(bytes, outDir, { publicPath, ...RENDITIONS, presets: [...RENDITIONS.presets] }),
    );
    const manifest = toImageManifest(image);
    remembered = { ...remembered, [photo.id]: { hash, manifest } };
    await writeFile(manifestFile, JSON.stringify(remembered));
    return manifest;
  }

  /** @param {ImageManifest} manifest */
  async function filesExist(manifest) {
    const urls = manifest.sources.flatMap((source) =>
      source.srcSet.split(', ').map((entry) => entry.split(' ')[0]),
    );
    try {
      await Promise.all(urls.map((url) => access(join(outDir, String(url).slice(publicPath.length)))));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The manifest of one photo id, made on first use.
   * @param {string} id
   * @returns {Promise<ImageManifest | null>}
   */
  function manifest(id) {
    const photo = photos.get(id);
    if (!photo) return Promise.resolve(null);
    let promise = pending.get(id);
    if (!promise) {
      promise = chain.then(() => build(photo));
      chain = promise.then(
        () => {},
        () => {},
      );
      // A failed build is retried on the next request rather than remembered.
      promise.catch(() => pending.delete(id));
      pending.set(id, promise);
    }
    return promise;
  }

  /**
   * Manifests for many ids at once (a page of posts), as a lookup.
   * @param {Iterable<string | null>} ids
   */
  async function manifests(ids) {
    const unique = [...new Set([...ids].filter((id) => id !== null))];
    const built = await Promise.all(unique.map((id) => manifest(/** @type {string} */ (id))));
    return new Map(unique.map((id, index) => [id, built[index] ?? null]));
  }

  return {
    photos,
    manifest,
    manifests,
    /** Makes every manifest now, so the first visitor waits for none. */
    warm: () => Promise.all([...photos.keys()].map(manifest)),
    /** @param {string} id */
    fileOf: (id) => photos.get(id)?.file,
  };
}
