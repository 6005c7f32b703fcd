import { type CSSProperties, type IframeHTMLAttributes, type ReactNode, useState } from 'react';
import type { ObserverRoot } from '../visibility/types';
import { useLazyLoad } from '../visibility/useLazyLoad';

export interface LazyEmbedProps
  extends Omit<IframeHTMLAttributes<HTMLIFrameElement>, 'src' | 'width' | 'height' | 'title' | 'loading'> {
  /** The embed's URL, such as `https://www.youtube-nocookie.com/embed/<id>`. */
  src: string;
  /** Names the frame and the play button (`Play: <title>`): required, as screen readers announce it. */
  title: string;
  /** Intrinsic size in px: the box is reserved from it (no layout shift). */
  width: number;
  height: number;
  /** The facade's picture, shown until the frame is created. */
  poster?: string;
  /**
   * When the real frame is created: `"click"` (default) on the user's click, which keeps the embed's
   * scripts off the page until someone wants them; `"visible"` once within `rootMargin`.
   */
  loadOn?: 'click' | 'visible';
  /** With `loadOn="click"`, appended to `src` so the player starts at once. @default "autoplay=1" */
  activateParams?: string;
  /** @default "200px" */
  rootMargin?: string;
  root?: ObserverRoot;
  /** Replaces the default play icon inside the button. */
  playIcon?: ReactNode;
  /** Called once the frame is created. */
  onActivate?: () => void;
}

const warmed = new Set<string>();

/** Opens the connection to the embed's origin ahead of the click, once per origin and page. */
function preconnect(src: string) {
  let origin: string;
  try {
    origin = new URL(src, document.baseURI).origin;
  } catch {
    return;
  }
  if (origin === location.origin || warmed.has(origin)) return;
  warmed.add(origin);
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  document.head.append(link);
}

function withParams(src: string, params: string) {
  if (!params) return src;
  return `${src}${src.includes('?') ? '&' : '?'}${params}`;
}

const FILL: CSSProperties = { position: 'absolute', inset: 0, width: '100%', height: '100%', border: 0 };

/**
 * A facade for third-party iframes (video players, maps): a poster and a play button until the user asks
 * for it, so the page does not pay for the embed's scripts up front.
 */
export function LazyEmbed({
  src,
  title,
  width,
  height,
  poster,
  loadOn = 'click',
  activateParams = 'autoplay=1',
  rootMargin,
  root,
  playIcon,
  onActivate,
  style,
  className,
  allow = 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture',
  ...rest
}: LazyEmbedProps) {
  const [clicked, setClicked] = useState(false);
  const { ref, isVisible } = useLazyLoad<HTMLDivElement>({
    rootMargin,
    root,
    skip: loadOn !== 'visible',
    onChange: (near) => near && onActivate?.(),
  });
  const active = clicked || (loadOn === 'visible' && isVisible);
  const box: CSSProperties = {
    position: 'relative',
    width,
    maxWidth: '100%',
    aspectRatio: `${width} / ${height}`,
    background: poster ? `center / cover no-repeat url("${poster}")` : '#000',
    ...style,
  };
  return (
    <div ref={ref} className={className} style={box}>
      {active ? (
        <iframe
          {...rest}
          src={clicked ? withParams(src, activateParams) : src}
          title={title}
          width={width}
          height={height}
          allow={allow}
          allowFullScreen
          style={FILL}
        />
      ) : (
        <button
          type="button"
          aria-label={`Play: ${title}`}
          style={{ ...FILL, background: 'none', cursor: 'pointer' }}
          onPointerOver={() => preconnect(src)}
          onFocus={() => preconnect(src)}
          onClick={() => {
            setClicked(true);
            onActivate?.();
          }}
        >
          {playIcon ?? (
            <svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">
              <circle cx="32" cy="32" r="32" fill="#000" fillOpacity=".7" />
              <path d="M26 20v24l18-12z" fill="#fff" />
            </svg>
          )}
        </button>
      )}
    </div>
  );
}
