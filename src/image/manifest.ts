/**
 * The description of one image that `@perfkit/server`'s pipeline produces and `ProgressiveImage` renders.
 * Defined here once; the server package imports it as a type.
 */
export interface ImageManifest {
  /** Intrinsic width of the largest rendition, in px (reserves the box: no layout shift). */
  width: number;
  /** Intrinsic height of the largest rendition, in px. */
  height: number;
  /** One entry per format, best first (AVIF, WebP, then JPEG/PNG): becomes a `<source>` each. */
  sources: ImageSource[];
  /** The fallback URL for browsers that take none of the sources (a JPEG, PNG or WebP rendition). */
  src: string;
  /** Shown at once, before the image arrives. */
  placeholder: ImagePlaceholder;
}

export interface ImageSource {
  /** A MIME type such as `image/avif`. */
  type: string;
  /** A `srcset` string with width descriptors: `"/img/a-400.webp 400w, /img/a-800.webp 800w"`. */
  srcSet: string;
}

export interface ImagePlaceholder {
  /** A ThumbHash, base64-encoded. */
  thumbhash?: string;
  /** A tiny preview (about 20 px wide) as a data URL. */
  dataURL?: string;
  /** The mean colour as `#rrggbb`. */
  color?: string;
}
