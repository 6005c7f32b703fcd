import { Component, type ReactNode, useState } from 'react';
import { isChunkLoadError } from './isChunkLoadError';
import { reloadOnce } from './reloadOnce';

export interface ChunkErrorFallbackProps {
  /** @default "This page could not be loaded. A newer version of the site may be available." */
  message?: ReactNode;
}

const reload = () => window.location.reload();

/** The message and "Reload" button shown when a page's code cannot be loaded. Also fits an `errorElement`. */
export function ChunkErrorFallback({
  message = 'This page could not be loaded. A newer version of the site may be available.',
}: ChunkErrorFallbackProps) {
  return (
    <div role="alert">
      <p>{message}</p>
      <button type="button" onClick={reload}>
        Reload
      </button>
    </div>
  );
}

/**
 * Shown where a page whose code is gone would be: reloads once (sessionStorage-guarded) to pick up the new
 * build, and after that shows the "Reload" message. Renders nothing while the page reloads.
 */
export function ReloadOnceFallback({
  reload = true,
  ...props
}: ChunkErrorFallbackProps & { reload?: boolean }) {
  const [reloading] = useState(() => reload && reloadOnce());
  return reloading ? null : <ChunkErrorFallback {...props} />;
}

export interface ChunkErrorBoundaryProps {
  children?: ReactNode;
  /** Replaces the default message and "Reload" button. */
  fallback?: ReactNode;
}

/** Catches chunk-load errors below it and shows a "Reload" button; other errors go on to outer boundaries. */
export class ChunkErrorBoundary extends Component<ChunkErrorBoundaryProps, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    if (!isChunkLoadError(error)) throw error;
    return this.props.fallback ?? <ChunkErrorFallback />;
  }
}
