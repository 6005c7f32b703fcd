import { useRouteError } from 'react-router-dom';
import { type ChunkErrorFallbackProps, ReloadOnceFallback } from './ChunkErrorBoundary';
import { isChunkLoadError } from './isChunkLoadError';

export interface RouteErrorElementProps extends ChunkErrorFallbackProps {
  /** Reload once (sessionStorage-guarded) when a route's chunk is missing. @default true */
  reload?: boolean;
}

/**
 * An `errorElement` for a layout route above lazy routes (react-router renders a lazy route's own
 * `errorElement` only once its `lazy()` has succeeded). For a missing chunk it reloads once into the new
 * build, then offers "Reload"; other errors go on to the parent route's error element.
 */
export function RouteErrorElement(props: RouteErrorElementProps) {
  const error = useRouteError();
  if (!isChunkLoadError(error)) throw error;
  return <ReloadOnceFallback {...props} />;
}
