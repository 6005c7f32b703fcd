import type { ImageManifest } from '@perfkit/react';

/**
 * The hero's renditions in public/hero/, as the server's image pipeline would describe them. Made by
 * scripts/make-hero.mjs; index.html preloads the AVIF set so the LCP image does not wait for the script.
 */
export const hero: ImageManifest = {
  width: 768,
  height: 512,
  sources: [
    { type: 'image/avif', srcSet: '/hero/barn-400.avif 400w, /hero/barn-768.avif 768w' },
    { type: 'image/webp', srcSet: '/hero/barn-400.webp 400w, /hero/barn-768.webp 768w' },
  ],
  src: '/hero/barn-768.jpg',
  placeholder: { thumbhash: '2xgKDYJWaHiPh4ebd4iHlmygwdAJ', color: '#586838' },
};

/** Must match the `imagesizes` of the preload in index.html, or the browser fetches a second file. */
export const HERO_SIZES = '(min-width: 960px) 920px, calc(100vw - 32px)';
