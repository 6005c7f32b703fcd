import {
  type ComponentType,
  type CSSProperties,
  type HTMLAttributes,
  type JSX,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from 'react';
import type { ObserverRoot } from './types';
import { useLazyLoad } from './useLazyLoad';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

export interface LazyComponentProps<P extends object = Record<string, never>>
  extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'placeholder'> {
  /** What to render once near the viewport (ignored when `load` is given). */
  children?: ReactNode;
  /** Shown until then, inside a box sized by `minHeight` (and `style`) so nothing shifts. */
  placeholder?: ReactNode;
  /** Height reserved while the placeholder is shown. A number is in px. */
  minHeight?: number | string;
  /** Fetch the component's code only when it comes near: `load={() => import('./Heavy')}`. */
  load?: Loader<P>;
  /** Props for the component that `load` resolves to. */
  componentProps?: P;
  /** @default "200px" */
  rootMargin?: string;
  threshold?: number | readonly number[];
  root?: ObserverRoot;
  /** Called once, when the content is first rendered. */
  onVisible?: () => void;
}

/**
 * Renders a placeholder until the box comes within `rootMargin` of the viewport, then its children (or
 * the component that `load` fetches). Server-rendered HTML carries the placeholder.
 */
export function LazyComponent<P extends object = Record<string, never>>({
  children,
  placeholder = null,
  minHeight,
  load,
  componentProps,
  rootMargin,
  threshold,
  root,
  onVisible,
  style,
  ...rest
}: LazyComponentProps<P>) {
  const { ref, isVisible } = useLazyLoad<HTMLDivElement>({
    rootMargin,
    threshold,
    root,
    onChange: (visible) => visible && onVisible?.(),
  });
  // React.lazy is created once per instance; it does not call `load` until it is first rendered.
  const [Loaded] = useState(() => (load ? lazy(load) : null));

  const boxStyle: CSSProperties | undefined = isVisible ? style : { minHeight, ...style };
  let content: ReactNode = placeholder;
  if (isVisible) {
    content = Loaded ? (
      <Suspense fallback={placeholder}>
        <Loaded {...((componentProps ?? {}) as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    ) : (
      children
    );
  }
  return (
    <div ref={ref} style={boxStyle} data-visible={isVisible || undefined} {...rest}>
      {content}
    </div>
  );
}
