import { LazyImage, type LazyImageProps } from './LazyImage';
import type { ImageManifest } from './manifest';
import { thumbHashToDataURL } from './thumbhash';

export interface ProgressiveImageProps
  extends Omit<LazyImageProps, 'src' | 'srcSet' | 'sources' | 'width' | 'height' | 'placeholder'> {
  /** What `@perfkit/server`'s image pipeline produced: size, sources per format, placeholder. */
  image: ImageManifest;
}

/**
 * A LazyImage fed by an image manifest: the box is reserved from the intrinsic size, a tiny placeholder
 * (data URL, ThumbHash or colour) shows at once, and the full image cross-fades in when near. Several
 * formats render `<picture>` with one `<source type>` each.
 */
export function ProgressiveImage({ image, ...rest }: ProgressiveImageProps) {
  const { sources } = image;
  const { thumbhash, dataURL, color } = image.placeholder;
  // One format is a plain <img srcset>; several are a <picture> with a <source> each.
  const several = sources.length > 1;
  return (
    <LazyImage
      {...rest}
      src={image.src}
      width={image.width}
      height={image.height}
      srcSet={several ? undefined : sources[0]?.srcSet}
      sources={several ? sources : undefined}
      // The hash is decoded only once the image starts loading (near the viewport): decoding every hash of a
      // long page at mount would cost main-thread time for images nobody sees. The colour shows until then
      // (the manifests of @perfkit/server always carry one; `thumbHashToColor` makes one from a hash).
      placeholder={
        dataURL ??
        (thumbhash && !rest.priority
          ? (isLoading: boolean) => (isLoading ? thumbHashToDataURL(thumbhash) : color)
          : color)
      }
    />
  );
}
