import { type ReactNode, useCallback, useEffect, useState, type VideoHTMLAttributes } from 'react';
import { prefersReducedData, prefersReducedMotion } from '../shared/env';
import { observe } from '../visibility/observe';
import type { ObserverRoot } from '../visibility/types';
import { useLazyLoad } from '../visibility/useLazyLoad';

export interface VideoSource {
  src: string;
  /** A MIME type with codecs, such as `video/webm; codecs="vp9"`, so the browser skips what it cannot play. */
  type?: string;
  media?: string;
}

export interface LazyVideoProps
  extends Omit<VideoHTMLAttributes<HTMLVideoElement>, 'src' | 'children' | 'preload' | 'width' | 'height'> {
  /** Attached only when the video comes within `rootMargin` of the viewport; the first playable one wins. */
  sources: readonly VideoSource[];
  /** Intrinsic size in px: the box is reserved from it before anything loads (no layout shift). */
  width: number;
  height: number;
  /**
   * Plays (muted) only while at least half of the video is visible and pauses when it leaves. Ignored
   * under `prefers-reduced-motion` or Save-Data, where controls are shown instead.
   */
  autoPlay?: boolean;
  /** @default "200px" */
  rootMargin?: string;
  /** The scroll container; omit when the window scrolls. */
  root?: ObserverRoot;
  /** Rendered in the video's box when no source can be played. */
  fallback?: ReactNode;
  /** Called once, when the video comes near and its sources are attached. */
  onVisible?: () => void;
}

/**
 * A `<video>` that costs only its poster until it comes near the viewport, then attaches its sources with
 * `preload="metadata"` (none under Save-Data), and with `autoPlay` plays only while half visible.
 */
export function LazyVideo({
  sources,
  width,
  height,
  autoPlay = false,
  muted = autoPlay,
  playsInline = autoPlay,
  controls,
  rootMargin,
  root,
  fallback,
  onVisible,
  style,
  onError,
  ...rest
}: LazyVideoProps) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [failed, setFailed] = useState(false);
  const { ref, isVisible: isNear } = useLazyLoad<HTMLVideoElement>({
    rootMargin,
    root,
    onChange: (near) => near && onVisible?.(),
  });
  const setRefs = useCallback(
    (element: HTMLVideoElement | null) => {
      ref(element);
      setVideo(element);
    },
    [ref],
  );
  // Read only once near, so server HTML and the first client render agree.
  const saveData = isNear && prefersReducedData();
  const canAutoPlay = autoPlay && isNear && !saveData && !prefersReducedMotion();

  useEffect(() => {
    if (!video || !canAutoPlay) return;
    // One shared observer at threshold 0.5 for every autoplaying video: only the ones at least half on
    // screen decode, so a feed of ten does not play ten at once.
    return observe(
      video,
      (entry) => {
        if (entry.isIntersecting && entry.intersectionRatio >= 0.5) video.play().catch(() => {});
        else video.pause();
      },
      { root, threshold: 0.5 },
    );
  }, [video, canAutoPlay, root]);

  const box = { aspectRatio: `${width} / ${height}`, maxWidth: '100%', height: 'auto', ...style };
  if (failed && fallback !== undefined) return <div style={{ ...box, width }}>{fallback}</div>;
  const fail = () => setFailed(true);
  return (
    <video
      {...rest}
      ref={setRefs}
      width={width}
      height={height}
      preload={isNear && !saveData ? 'metadata' : 'none'}
      muted={muted}
      playsInline={playsInline}
      controls={controls || (autoPlay && isNear && !canAutoPlay)}
      style={box}
      onError={(event) => {
        onError?.(event);
        fail();
      }}
    >
      {isNear &&
        sources.map((source, index) => (
          // The last source's error event is the one that says none of them can be played.
          <source
            key={source.src}
            src={source.src}
            type={source.type}
            media={source.media}
            onError={index === sources.length - 1 ? fail : undefined}
          />
        ))}
    </video>
  );
}
