import { LazyImage, type LazyImageProps } from './LazyImage';
import type { ImageManifest } from './manifest';
import { thumbHashToColor, thumbHashToDataURL } from './thumbhash';

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
  const { sources, placeholder } = image;
  const { thumbhash, dataURL } = placeholder;
  const color = placeholder.color ?? (thumbhash ? thumbHashToColor(thumbhash) : undefined);
  return (
    <LazyImage
      {...rest}
      src={image.src}
      width={image.width}
      height={image.height}
      srcSet={sources.length === 1 ? sources[0]!.srcSet : undefined}
      sources={sources.length > 1 ? sources : undefined}
      // The hash is decoded only once the image starts loading (near the viewport): decoding every hash of a
      // long page at mount would cost main-thread time for images nobody sees. The colour shows until then.
      placeholder={
        dataURL ??
        (thumbhash && !rest.priority
          ? (isLoading: boolean) => (isLoading ? thumbHashToDataURL(thumbhash) : color)
          : color)
      }
    />
  );
}
