import {
  Component,
  type CSSProperties,
  type ImgHTMLAttributes,
  type ReactNode,
  version as reactVersion,
  type SyntheticEvent,
} from 'react';
import { hasIntersectionObserver, prefersReducedMotion } from '../shared/env';
import { expected } from '../shared/errors';
import {
  type FirstScrollWaiter,
  isInsideRoot,
  stopWaiting,
  waitForFirstScroll,
} from '../visibility/afterFirstScroll';
import { type IntersectionOwner, setIntersectionOwner } from '../visibility/observe';
import { normalizeRootMargin } from '../visibility/optionsKey';
import type { ObserverRoot } from '../visibility/types';
import type { ImageSource } from './manifest';

// An enum, not constants: the bundler writes its values in place of the names.
enum Status {
  Idle,
  /**
   * Server HTML, its hydration, and browsers without IntersectionObserver: a native lazy `<img>`, whose timing
   * the browser decides, until the observer starts it.
   */
  Native,
  /** Started while outside the viewport (ahead of a scroll): loaded before it is seen, so no fade. */
  Ahead,
  Loading,
  Fading,
  Loaded,
  Failed,
}

// React 18 does not know the camel-cased prop and warns, in development only: it sets the attribute either way
// (the DOM and the HTML parser lowercase it), so production builds keep the one spelling React 19 knows.
const FETCH_PRIORITY =
  process.env.NODE_ENV !== 'production' && reactVersion.startsWith('18.') ? 'fetchpriority' : 'fetchPriority';

const FADE_MS = 300;
/** First retry after this many ms, then twice as long each time. */
const RETRY_DELAY_MS = 400;

/**
 * Chromium's own distance for `loading="lazy"` on slow connections (twice its fast one): images ahead start
 * in batches (see `soon`), and the wider margin has them decoded before they are seen.
 */
export const DEFAULT_IMAGE_ROOT_MARGIN = '2500px';

/**
 * The class that marks the native lazy `<img>` of server HTML until the client has hydrated it (named for the
 * package, so that no class of the app looks like server HTML to hydrate).
 */
const SERVER_MARK = 'perfkit-lazy';

// URLs that loaded in this page: a re-mounted image (a virtualized row coming back) shows at once from the
// memory cache instead of flashing its placeholder and fading in again.
const loadedUrls = new Set<string>();
let reducedMotion: boolean | undefined;
// Boxes alike (a grid's cells, given one style object or none) share one style object, where each image
// would keep its own: its inputs and the style made from them last.
let lastBox: unknown[] = [];
// Each render of an image that starts walks the fibers of all its siblings (in a grid of 1,000 cells, a
// millisecond or more at 4x CPU), and while the page scrolls images come within rootMargin frame after
// frame. Images ahead of the viewport are not seen yet: starting those of 100 ms together makes one render
// where there were six, at a cost far below what rootMargin leaves them to load.
const ahead: LazyImage[] = [];
function soon(image: LazyImage) {
  if (ahead.push(image) === 1) {
    setTimeout(() => {
      for (const next of ahead.splice(0)) next.start();
    }, 100);
  }
}

// Hydration must render the server's native lazy <img>. React tells a component whether it hydrates only
// through a hook with two effects per instance, a large share of an image's memory; server HTML not yet
// hydrated says the same for the whole page. A live collection: the browser counts it again only after the
// document changes, which it does not while React renders, so a thousand images ask at the cost of one.
let marked: HTMLCollection | undefined;
function isHydrating(): boolean {
  marked ??= document.getElementsByClassName(SERVER_MARK);
  return marked.length > 0;
}

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
   * scroll only images inside the viewport load. @default "2500px"
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

/**
 * A real `<img>` that reserves its box, loads only when near the viewport through the shared
 * IntersectionObserver, shows a placeholder meanwhile and fades in once decoded. Without
 * IntersectionObserver, and in server HTML, it leaves the timing to native `loading="lazy"`.
 *
 * A class, because a page holds hundreds of these: its fields and methods cost one object per image where
 * hooks cost an object, a queue or a closure each.
 */
export class LazyImage extends Component<LazyImageProps> implements IntersectionOwner, FirstScrollWaiter {
  // Declared, not initialised: assigned in the constructor or when needed, with no helper per field.
  /** The status in the low 3 bits and the attempt above them, so that a retry is always a change. */
  declare private stage: number;
  /**
   * The box. The instance is its own ref object (`ref={this}`): React sets `current` on it, which saves an
   * object per image.
   */
  declare current: HTMLSpanElement | null;
  /** Waits for a retry, or for the end of the fade. */
  declare private timer?: ReturnType<typeof setTimeout>;

  constructor(props: LazyImageProps) {
    super(props);
    if (process.env.NODE_ENV !== 'production') {
      const { retry = 0, rootMargin = DEFAULT_IMAGE_ROOT_MARGIN } = props;
      if (!(retry >= 0 && retry % 1 === 0)) {
        throw new RangeError(expected('LazyImage', 'a whole number such as 2', 'retry', retry));
      }
      normalizeRootMargin(rootMargin, 'LazyImage');
    }
    // React checks that a ref object has `current` of its own.
    this.current = null;
    // Servers have no IntersectionObserver either.
    this.stage = loadedUrls.has(props.src)
      ? Status.Loaded
      : props.priority
        ? Status.Loading
        : !hasIntersectionObserver() || isHydrating()
          ? Status.Native
          : Status.Idle;
  }

  // React 19 gives every class instance an empty `refs` object it never reads (string refs are gone); React
  // 18 reads it only for string refs, which this class has none of. Dropped: an object less per image.
  set refs(_: unknown) {}

  private to(status: number, attempt = this.stage >> 3) {
    this.stage = attempt * 8 + status;
    this.forceUpdate();
  }

  /**
   * Loaded and decoded: only the image's opacity (fading in) and then the box's background change, so they
   * are set on the DOM instead of rendering again (in a grid, rendering one cell walks all its siblings).
   * React's next render, if any, computes the same. A node placeholder is React's to remove: then it renders.
   */
  private settle(status: number) {
    const box = this.current;
    if ((this.stage & 7) >= status) return;
    this.stage = (this.stage & ~7) | status;
    // The placeholder goes once the fade is over. A timer, not transitionend: a transition that never
    // started (its start style never computed) never ends.
    if (status === Status.Fading) this.timer = setTimeout(() => this.settle(Status.Loaded), FADE_MS);
    // A node placeholder (a second element in the box) is React's to remove (and so is an unmounted image's).
    if (box?.childElementCount !== 1) return this.forceUpdate();
    // Also when loaded without a fade: it may have started as a fade that was overtaken.
    box.querySelector('img')!.style.opacity = '';
    if (status === Status.Loaded) box.style.background = '';
  }

  override componentDidMount() {
    const box = this.current!;
    const status = this.stage & 7;
    if (status > Status.Native || !hasIntersectionObserver()) return;
    if (status) {
      const img = box.querySelector('img')!;
      img.removeAttribute('class');
      // It may have loaded natively before React listened for load.
      if (img.complete && img.naturalWidth) return this.settle(Status.Loaded);
    }
    this.watch(this);
  }

  override componentDidUpdate(previous: LazyImageProps) {
    const { root, rootMargin, src } = this.props;
    if ((this.stage & 7) > Status.Native) {
      // Another image in the same place: it starts afresh, free of the old one's failures, retries and fade.
      if (previous.src !== src) {
        clearTimeout(this.timer);
        this.to(loadedUrls.has(src) ? Status.Loaded : Status.Loading, 0);
      }
    } else if (previous.root !== root || previous.rootMargin !== rootMargin) {
      // Still waiting: watch again with the new options.
      this.stop(previous);
      this.componentDidMount();
    }
  }

  override componentWillUnmount() {
    this.stop();
    clearTimeout(this.timer);
  }

  /** Watches the box for `owner` with these props' options, or, without an owner, stops watching it. */
  private watch(owner: this | undefined, { root, rootMargin = DEFAULT_IMAGE_ROOT_MARGIN } = this.props) {
    setIntersectionOwner(this.current, owner, root, rootMargin);
  }

  /** Stops watching (with the options it was watched with; again is harmless) and waiting for a scroll. */
  private stop(props = this.props) {
    this.watch(undefined, props);
    stopWaiting(this);
  }

  /** Called by the shared observer. */
  onIntersect(entry: IntersectionObserverEntry) {
    // Reports alternate between entering and leaving, so only leaving can find the image waiting.
    if (!entry.isIntersecting) stopWaiting(this);
    // In view: at once. Near before the first scroll: when it comes; near after it: in the next batch.
    else if (isInsideRoot(entry, this.props.root)) this.start(Status.Loading);
    else if (!waitForFirstScroll(this)) soon(this);
  }

  /**
   * @internal Starts loading, and stops watching: only if still idle and mounted (a hydrated image may have
   * loaded natively, and a batch may start an image that has started since). Without a status, it starts
   * ahead of the viewport: from a batch, or released by the first scroll (about to be seen: at once).
   */
  start(status = Status.Ahead) {
    // Unmounted, it has stopped already; natively loaded, it stops here.
    this.stop();
    if ((this.stage & 7) < Status.Ahead && this.current) {
      this.to(status);
      this.props.onVisible?.();
    }
  }

  override render() {
    const { props } = this;
    // What is not taken out here (alt, sizes, width, height, the rest of the img attributes) goes to the <img>.
    const {
      src,
      srcSet,
      aspectRatio,
      rootMargin,
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
    const status = this.stage & 7;
    const attempt = this.stage >> 3;
    const native = status === Status.Native;
    const usesFallbackSrc = attempt > retry;
    reducedMotion ??= prefersReducedMotion();
    const fades = fade && !priority && status > Status.Ahead && !reducedMotion;
    const failed = status === Status.Failed;
    const shown = typeof placeholder === 'function' ? placeholder(status > Status.Native) : placeholder;
    const isBackground = typeof shown === 'string';
    const waiting = status < Status.Loaded || (failed && !fallback);
    // A node placeholder lies under the image; without one nothing is positioned, so the browser keeps no
    // paint layer per image while the page scrolls.
    const layered = waiting && !isBackground && shown != null;
    const position = layered ? 'relative' : undefined;

    let image: ReactNode = null;
    // A new element for each attempt, and for another src: none inherits the last one's pixels or fade.
    const key = attempt + src;
    if (status) {
      image = (
        // biome-ignore lint/a11y/useAltText: alt is required by the props' type and passed in `rest`.
        <img
          key={key}
          {...rest}
          src={usesFallbackSrc ? fallbackSrc : src}
          srcSet={usesFallbackSrc ? undefined : srcSet}
          loading={native ? 'lazy' : priority ? 'eager' : undefined}
          {...{ [FETCH_PRIORITY]: priority ? 'high' : fetchPriority }}
          className={native ? SERVER_MARK : undefined}
          decoding="async"
          onLoad={(event) => {
            if (!usesFallbackSrc) loadedUrls.add(src);
            onLoad?.(event);
            if (!fades) return this.settle(Status.Loaded);
            // Start the fade only once decoded, or it would fade in an empty box.
            const fadeIn = () => this.settle(Status.Fading);
            event.currentTarget.decode().then(fadeIn, fadeIn);
          }}
          onError={(event) => {
            // Reported when src fails for good (after its retries) and when fallbackSrc fails.
            if (attempt >= retry) onError?.(event);
            if (attempt < retry || (fallbackSrc && !usesFallbackSrc)) {
              // Hidden until the next attempt, so no broken icon or alt text shows; no render needed.
              event.currentTarget.style.opacity = '0';
              // Retries of src back off; the switch to fallbackSrc (after the last retry) is immediate.
              this.timer = setTimeout(
                () => this.to(Status.Loading, attempt + 1),
                attempt < retry ? RETRY_DELAY_MS * 2 ** attempt : 0,
              );
            } else this.to(Status.Failed);
          }}
          style={{
            display: 'block',
            position,
            width: '100%',
            height: '100%',
            objectFit: 'cover',
            // Hidden until decoded when fading, so no alt text flashes.
            opacity: fades && status < Status.Fading ? 0 : undefined,
            transition: fades ? `opacity ${FADE_MS}ms` : undefined,
          }}
        />
      );
      if (sources && !usesFallbackSrc) {
        image = (
          <picture key={key}>
            {sources.map((source) => (
              <source key={source.type} {...source} sizes={props.sizes} />
            ))}
            {image}
          </picture>
        );
      }
    }
    const background =
      waiting && isBackground
        ? shown.startsWith('data:')
          ? `center/cover url("${shown}")`
          : shown
        : undefined;
    const parts = [position, width, height, aspectRatio, background, style];
    if (parts.some((part, index) => part !== lastBox[index])) {
      lastBox = [
        ...parts,
        {
          display: 'inline-block',
          position,
          width: width ?? '100%',
          maxWidth: '100%',
          aspectRatio: aspectRatio ?? (width && height ? `${width}/${height}` : undefined),
          background,
          ...style,
        },
      ];
    }
    return (
      <span ref={this} className={className} style={lastBox[6] as CSSProperties}>
        {
          // One child without an array when there is no placeholder node: most images, most of the time.
          layered
            ? [
                <span key="" style={{ position: 'absolute', inset: 0 }}>
                  {shown}
                </span>,
                image,
              ]
            : failed && fallback
              ? fallback
              : image
        }
      </span>
    );
  }
}
