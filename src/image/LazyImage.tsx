import {
  type ImgHTMLAttributes,
  type ReactNode,
  version as reactVersion,
  type SyntheticEvent,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { hasIntersectionObserver, prefersReducedMotion } from '../shared/env';
import { expected } from '../shared/errors';
import { afterFirstScroll, isInsideRoot } from '../visibility/afterFirstScroll';
import { observe } from '../visibility/observe';
import type { ObserverRoot } from '../visibility/types';
import type { ImageSource } from './manifest';

const IDLE = 0;
/** Started while outside the viewport (ahead of a scroll): loaded before it is seen, so no fade. */
const AHEAD = 1;
const LOADING = 2;
const RETRYING = 3;
const FADING = 4;
const LOADED = 5;
const FAILED = 6;

// React 18 does not know the camel-cased prop and warns; it passes the lowercase attribute through as is.
const FETCH_PRIORITY = reactVersion.startsWith('18.') ? 'fetchpriority' : 'fetchPriority';

/** First retry after this many ms, then twice as long each time. */
const RETRY_DELAY_MS = 400;

/** Chromium's own distance for `loading="lazy"` on fast connections. */
export const DEFAULT_IMAGE_ROOT_MARGIN = '1250px';

// URLs that loaded in this page: a re-mounted image (a virtualized row coming back) shows at once from the
// memory cache instead of flashing its placeholder and fading in again.
const loadedUrls = new Set<string>();
let reducedMotion: boolean | undefined;
// Images start (observer callbacks) and finish loading (one task each) at different times; flushing their
// state changes together once per frame makes one React render per frame instead of one per event. Each
// render of a cell clones the fibers of all its siblings, so this is what keeps scrolling cheap.
const queued: Array<() => void> = [];
function inNextFrame(run: () => void) {
  if (queued.push(run) === 1) {
    requestAnimationFrame(() => {
      for (const next of queued.splice(0)) next();
    });
  }
}
const noop = () => {};
const subscribeNever = () => noop;
const onClient = () => false;
const onServerOrHydrating = () => true;

export interface LazyImageProps
  extends Omit<
    ImgHTMLAttributes<HTMLImageElement>,
    'src' | 'alt' | 'width' | 'height' | 'loading' | 'placeholder' | 'onLoad' | 'onError'
  > {
  src: string;
  /** Required: describe the image, or `""` when it is decorative. */
  alt: string;
  /** Intrinsic width in px; with `height` it reserves the box, so nothing shifts when the image arrives. */
  width?: number;
  height?: number;
  /** Reserves the box when width and height are unknown: `16 / 9` or `"16/9"`. */
  aspectRatio?: number | string;
  /**
   * How far ahead of the viewport (or `root`) images load once the user has scrolled. Before the first
   * scroll only images inside the viewport load. @default "1250px"
   */
  rootMargin?: string;
  /** The scroll container; omit for the browser viewport. */
  root?: ObserverRoot;
  /** The above-the-fold (LCP) image: loads at once, `fetchPriority="high"`, no fade. */
  priority?: boolean;
  /**
   * Shown in the reserved box until the image has loaded: a CSS colour, a data URL, or a React node. A
   * function receives whether the image has started loading, to defer a costly placeholder until then.
   */
  placeholder?: ReactNode | ((isLoading: boolean) => ReactNode);
  /** Fade the image in once decoded (never under `prefers-reduced-motion`). @default true */
  fade?: boolean;
  /** Shown instead of the image when it fails for good. */
  fallback?: ReactNode;
  /** Loaded instead when `src` fails for good. */
  fallbackSrc?: string;
  /** Extra attempts after a failed load, 400 ms apart and doubling. @default 0 */
  retry?: number;
  /** One `<source>` per format (best first): renders `<picture>`. */
  sources?: ImageSource[];
  onLoad?: (event: SyntheticEvent<HTMLImageElement>) => void;
  /** Called each time a load fails for good (after the retries). */
  onError?: (event: SyntheticEvent<HTMLImageElement>) => void;
  /** Called once, when the image comes near enough to start loading. */
  onVisible?: () => void;
}

/** What one image keeps between renders, in one object rather than a hook each. */
interface Instance {
  status: number;
  hydrated: boolean;
  props: LazyImageProps;
  set: (update: number | ((state: number) => number)) => void;
  /** The ref callback, made again when the observer options change so that React attaches it anew. */
  attach?: (box: HTMLSpanElement | null) => void;
  root?: ObserverRoot | undefined;
  margin?: string;
  /** Stops watching (and waiting for the first scroll), or waiting to retry. */
  stop?: (() => void) | undefined;
}

function attachTo(self: Instance, root: ObserverRoot | undefined, rootMargin: string) {
  let cancel: (() => void) | undefined;
  const begin = (inView?: boolean) => {
    self.stop!();
    inNextFrame(() => {
      // Only from idle: a hydrated image may have loaded (natively) in the meantime.
      self.set((state) => state || (inView ? LOADING : AHEAD));
      self.props.onVisible?.();
    });
  };
  return (box: HTMLSpanElement | null) => {
    self.stop?.();
    // Only an idle image watches; a hydrated one may have loaded natively before React listened for load.
    if (box && !self.status && hasIntersectionObserver()) {
      const img = self.hydrated ? box.querySelector('img') : null;
      if (img?.complete && img.naturalWidth) inNextFrame(() => self.set(LOADED));
      else {
        const stop = observe(
          box,
          (entry) => {
            cancel?.(); // idempotent, so a stale one may be called again
            if (entry.isIntersecting) {
              if (isInsideRoot(entry, rootMargin)) begin(true);
              else cancel = afterFirstScroll(begin);
            }
          },
          { root, rootMargin },
        );
        self.stop = () => {
          stop();
          cancel?.();
        };
      }
    }
  };
}

/**
 * A real `<img>` that reserves its box, loads only when near the viewport through the shared
 * IntersectionObserver, shows a placeholder meanwhile and fades in once decoded. Without
 * IntersectionObserver, and in server HTML, it leaves the timing to native `loading="lazy"`.
 */
export function LazyImage(props: LazyImageProps) {
  // What is not taken out here (alt, sizes, width, height, the rest of the img attributes) goes to the <img>.
  const {
    src,
    srcSet,
    aspectRatio,
    rootMargin = DEFAULT_IMAGE_ROOT_MARGIN,
    root,
    priority,
    fetchPriority,
    placeholder,
    fade = true,
    fallback,
    fallbackSrc,
    retry = 0,
    sources,
    onLoad,
    onError,
    onVisible,
    className,
    style,
    ...rest
  } = props;
  const { width, height } = props;
  if (process.env.NODE_ENV !== 'production') {
    if (!(retry >= 0 && retry % 1 === 0)) {
      throw new RangeError(expected('LazyImage', 'a whole number such as 2', 'retry', retry));
    }
  }
  // The status in the low 3 bits and the attempt above them: one hook, and a retry is always a change.
  const [state, set] = useState(() => (loadedUrls.has(src) ? LOADED : priority ? LOADING : IDLE));
  const status = state & 7;
  const attempt = state >> 3;
  const to = (next: number) => set(attempt * 8 + next);
  const later = (next: number) => inNextFrame(() => to(next));
  const isServerOrHydrating = useSyncExternalStore(subscribeNever, onClient, onServerOrHydrating);
  // One mutable record instead of more hooks. `hydrated` keeps its first value: server HTML holds a native
  // lazy <img>, and hydration renders the same one.
  const record = useRef<Instance>(null);
  // The rest of it is set on every render below.
  record.current ??= { hydrated: isServerOrHydrating } as Instance;
  const self = record.current;
  self.status = status;
  self.props = props;
  self.set = set;
  if (self.root !== root || self.margin !== rootMargin) {
    self.root = root;
    self.margin = rootMargin;
    self.attach = attachTo(self, root, rootMargin);
  }

  // Server HTML (and its hydration) and browsers without IntersectionObserver: native lazy loading decides,
  // until the observer takes over. Elsewhere no <img> exists before its image is near.
  const native = !status && (self.hydrated || !hasIntersectionObserver());
  const usesFallbackSrc = attempt > retry;
  const fades = fade && !priority && !native && status !== AHEAD;
  const failed = status === FAILED;
  const shown = typeof placeholder === 'function' ? placeholder(status > IDLE) : placeholder;
  const isBackground = typeof shown === 'string';
  const waiting = status < LOADED || (failed && !fallback);
  // A node placeholder lies under the image; without one nothing is positioned, so the browser keeps no
  // paint layer per image while the page scrolls.
  const layered = waiting && !isBackground && shown != null;
  const position = layered ? 'relative' : undefined;

  let image: ReactNode = null;
  if (status || native) {
    image = (
      <img
        key={attempt}
        {...rest}
        alt={props.alt}
        src={usesFallbackSrc ? fallbackSrc : src}
        srcSet={usesFallbackSrc ? undefined : srcSet}
        loading={native ? 'lazy' : priority ? 'eager' : undefined}
        {...{ [FETCH_PRIORITY]: priority ? 'high' : fetchPriority }}
        decoding="async"
        onLoad={(event) => {
          if (!usesFallbackSrc) loadedUrls.add(src);
          onLoad?.(event);
          if (status >= FADING) return;
          reducedMotion ??= prefersReducedMotion();
          if (!fades || reducedMotion) return later(LOADED);
          // Start the fade only once decoded, or it would fade in an empty box.
          const fadeIn = () => later(FADING);
          event.currentTarget.decode().then(fadeIn, fadeIn);
        }}
        onError={(event) => {
          // Reported when src fails for good (after its retries) and when fallbackSrc fails.
          if (attempt >= retry) onError?.(event);
          if (attempt < retry || (fallbackSrc && !usesFallbackSrc)) {
            to(RETRYING);
            // Retries of src back off; the switch to fallbackSrc (after the last retry) is immediate.
            const timer = setTimeout(
              () => set((attempt + 1) * 8 + LOADING),
              attempt < retry ? RETRY_DELAY_MS * 2 ** attempt : 0,
            );
            self.stop = () => clearTimeout(timer);
          } else to(FAILED);
        }}
        onTransitionEnd={status === FADING ? () => to(LOADED) : undefined}
        style={{
          display: 'block',
          position,
          width: '100%',
          height: '100%',
          objectFit: 'cover',
          // Hidden until decoded when fading, and between retries, so no broken icon or alt text flashes.
          opacity: status === RETRYING || (fades && status < FADING) ? 0 : undefined,
          transition: fades ? 'opacity .3s' : undefined,
        }}
      />
    );
    if (sources && !usesFallbackSrc) {
      image = (
        <picture key={attempt}>
          {sources.map((source) => (
            <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={props.sizes} />
          ))}
          {image}
        </picture>
      );
    }
  }

  return (
    <span
      ref={self.attach}
      className={className}
      style={{
        display: 'inline-block',
        position,
        width: width ?? '100%',
        maxWidth: '100%',
        aspectRatio: aspectRatio ?? (width && height ? `${width}/${height}` : undefined),
        background:
          waiting && isBackground
            ? shown.startsWith('data:')
              ? `center/cover url("${shown}")`
              : shown
            : undefined,
        ...style,
      }}
    >
      {layered && <span style={{ position: 'absolute', inset: 0 }}>{shown}</span>}
      {failed && fallback ? fallback : image}
    </span>
  );
}
