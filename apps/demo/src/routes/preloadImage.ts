import type { ImageManifest } from '@perfkit/react';
import { preload } from 'react-dom';

/**
 * Starts fetching an above-the-fold image from a route loader, as soon as its manifest arrives, instead of
 * once the page's chunk has loaded and rendered it. The hint matches what ProgressiveImage renders (the
 * first source's type, srcset and the same `sizes`), so the browser reuses the response.
 */
export function preloadImage(image: ImageManifest | null | undefined, sizes: string) {
  const source = image?.sources[0];
  if (!image || !source) return;
  preload(image.src, {
    as: 'image',
    imageSrcSet: source.srcSet,
    imageSizes: sizes,
    // A single source renders a plain <img srcset>, which takes any type; several render <picture>.
    type: image.sources.length > 1 ? source.type : undefined,
    fetchPriority: 'high',
  });
}
