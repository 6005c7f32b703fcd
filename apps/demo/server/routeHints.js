// Start what a page needs as soon as its HTML arrives: the page's code chunk (and the chunks it imports) as
// modulepreload hints, and its first API answers inline, which the client would otherwise ask for only after
// the entry script has run. On a throttled phone that is one round trip of the critical chain less.
// (A `<link rel=preload as=fetch>` does not do it: Chromium fetches again when the preload has already
// finished, because the API's answers are max-age=0.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @type {{ feed: string, card: string, product: string }} */
const imageSizes = JSON.parse(readFileSync(new URL('../shared/imageSizes.json', import.meta.url), 'utf8'));

/**
 * The first requests of each page, exactly as the client's route loaders (src/routes/loaders.ts) make them:
 * the client takes an inlined answer only for the same URL (src/api/client.ts).
 * `firstImages` picks the images on the first screen (as the loaders do), to start them with the HTML.
 * @typedef {{ sources: Array<{ type: string, srcSet: string }>, src: string } | null | undefined} Manifest
 * @type {Array<{ path: RegExp, module: string, data: string[], firstImages?: (answers: any[]) => Array<[Manifest, string]> }>}
 */
const PAGES = [
  {
    path: /^\/feed\/?$/,
    module: 'src/pages/Feed.tsx',
    data: ['/api/posts?limit=10'],
    firstImages: ([posts]) => [[posts?.items.slice(0, 2).find((post) => post.image)?.image, imageSizes.feed]],
  },
  {
    path: /^\/shop\/?$/,
    module: 'src/pages/Shop.tsx',
    data: ['/api/products?offset=0&limit=30', '/api/categories'],
    firstImages: ([products]) =>
      (products?.items.slice(0, 2) ?? []).map((product) => [product.image, imageSizes.card]),
  },
  {
    path: /^\/shop\/(\d+)\/?$/,
    module: 'src/pages/Product.tsx',
    data: ['/api/products/$1'],
    firstImages: ([detail]) => [[detail?.product.image, imageSizes.product]],
  },
  { path: /^\/chat\/?$/, module: 'src/pages/Chat.tsx', data: ['/api/conversations'] },
  { path: /^\/videos\/?$/, module: 'src/pages/Videos.tsx', data: ['/api/videos'] },
  { path: /^\/upload\/?$/, module: 'src/pages/Upload.tsx', data: [] },
];

/**
 * @typedef {{ file: string, imports?: string[], isEntry?: boolean }} ManifestChunk
 * @param {string} distDir
 * @returns {(pathname: string, search: string, origin: string) => Promise<string>} what goes before </head>
 */
export function createRouteHints(distDir) {
  const manifestFile = join(distDir, '.vite/manifest.json');
  /** @type {Record<string, ManifestChunk>} */
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  // The entry's own imports are already in the HTML as modulepreload links.
  const loaded = new Set(entry ? [entry.file, ...closure(manifest, entry).map((chunk) => chunk.file)] : []);

  /** @type {Map<RegExp, string>} */
  const codeLinks = new Map();
  for (const page of PAGES) {
    const chunk = manifest[page.module];
    if (!chunk) continue;
    const files = [chunk, ...closure(manifest, chunk)].map((c) => c.file).filter((file) => !loaded.has(file));
    codeLinks.set(page.path, files.map((file) => `<link rel="modulepreload" href="/${file}">`).join(''));
  }

  return async (pathname, search, origin) => {
    // A query changes what the loader asks for (a category, a conversation): hint only the plain page.
    if (search) return '';
    const page = PAGES.find((candidate) => candidate.path.test(pathname));
    if (!page) return '';
    const match = /** @type {RegExpExecArray} */ (page.path.exec(pathname));
    const urls = page.data.map((url) => url.replace('$1', match[1] ?? ''));
    // The answers come from this server's own cached API, so they are the ones the client would get. One
    // that fails or is slow is left out: the client then asks for it itself and shows its error.
    const answers = await Promise.all(
      urls.map(async (url) => {
        try {
          const response = await fetch(`${origin}${url}`, { signal: AbortSignal.timeout(1500) });
          return response.ok ? [url, await response.json()] : null;
        } catch {
          return null;
        }
      }),
    );
    const data = Object.fromEntries(answers.filter((answer) => answer !== null));
    const images = (page.firstImages?.(answers.map((answer) => answer?.[1])) ?? [])
      .map(([image, sizes]) => imagePreload(image, sizes))
      .join('');
    const inline = Object.keys(data).length
      ? `<script id="route-data" type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`
      : '';
    return (codeLinks.get(page.path) ?? '') + images + inline;
  };
}

/**
 * The same hint the client's preloadImage() gives (src/routes/preloadImage.ts): ProgressiveImage's first
 * source, so the browser reuses the response.
 * @param {Manifest} image @param {string} sizes
 */
function imagePreload(image, sizes) {
  const source = image?.sources[0];
  if (!image || !source) return '';
  const type = image.sources.length > 1 ? ` type="${source.type}"` : '';
  return `<link rel="preload" as="image" href="${escapeAttribute(image.src)}" imagesrcset="${escapeAttribute(source.srcSet)}" imagesizes="${escapeAttribute(sizes)}"${type} fetchpriority="high">`;
}

/** @param {string} text */
const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** @param {Record<string, ManifestChunk>} manifest @param {ManifestChunk} chunk */
function closure(manifest, chunk, seen = new Set()) {
  /** @type {ManifestChunk[]} */
  const found = [];
  for (const key of chunk.imports ?? []) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    found.push(manifest[key], ...closure(manifest, manifest[key], seen));
  }
  return found;
}
