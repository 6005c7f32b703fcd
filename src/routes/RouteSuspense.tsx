import { type CSSProperties, type ReactNode, Suspense } from 'react';
import { ChunkErrorBoundary } from './ChunkErrorBoundary';

export interface PageLoaderProps {
  /** Space kept for the page while its code loads, so the footer does not jump up and back. @default "100vh" */
  minHeight?: CSSProperties['minHeight'];
  /** What to show (a spinner, a skeleton); by default only a "Loading…" for screen readers. */
  children?: ReactNode;
  /** @default "Loading…" */
  label?: string;
}

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** A page-sized placeholder that announces loading to assistive technology. */
export function PageLoader({ minHeight = '100vh', children, label = 'Loading…' }: PageLoaderProps) {
  return (
    <div role="status" aria-busy="true" style={{ minHeight }}>
      {children ?? <span style={visuallyHidden}>{label}</span>}
    </div>
  );
}

export interface RouteSuspenseProps extends PageLoaderProps {
  /** Replaces the PageLoader. */
  fallback?: ReactNode;
  /** Replaces the "Reload" message shown when the page's code cannot be loaded. */
  errorFallback?: ReactNode;
}

/** Suspense for lazy pages, with a space-keeping PageLoader and a chunk-error boundary around it. */
export function RouteSuspense({ fallback, errorFallback, children, ...loader }: RouteSuspenseProps) {
  return (
    <ChunkErrorBoundary fallback={errorFallback}>
      <Suspense fallback={fallback ?? <PageLoader {...loader} />}>{children}</Suspense>
    </ChunkErrorBoundary>
  );
}
