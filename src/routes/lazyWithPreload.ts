import { type ComponentType, createElement, type FunctionComponent, lazy } from 'react';
import { type ChunkLoadOptions, loadChunk } from './loadChunk';

export interface Preloadable<T = unknown> {
  /** Starts loading now; returns the same promise on every call (a new one after a failure). */
  preload(): Promise<T>;
}

export type PreloadableComponent<P extends object> = FunctionComponent<P> & Preloadable<ComponentType<P>>;

/**
 * `React.lazy` with `.preload()`, chunk-load retries and a guarded reload after a deployment. Once loaded,
 * it renders the component directly, so a preloaded page never suspends. Unlike React.lazy, a failed load
 * is not cached forever: rendering again (after an error boundary resets) or `preload()` tries again.
 */
export function lazyWithPreload<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  options?: ChunkLoadOptions,
): PreloadableComponent<P> {
  let promise: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  let failed = false;
  const preload = () => {
    // React.lazy keeps a rejection forever, so a call after a failure gets a fresh lazy for later renders.
    // Not on the failure itself: a render retried by React would then suspend again, in a loop.
    if (failed) {
      failed = false;
      Lazy = createLazy();
    }
    if (!promise) {
      promise = loadChunk(load, options).then(
        (module) => {
          loaded = module.default;
          return loaded;
        },
        (error) => {
          promise = undefined;
          failed = true;
          throw error;
        },
      );
    }
    return promise;
  };
  const createLazy = () => lazy(() => preload().then((component) => ({ default: component })));
  let Lazy = createLazy();

  // One component per lazyWithPreload() call, made once at module level by the caller, as with React.lazy.
  // biome-ignore lint/correctness/noComponentHookFactories: this factory is the API.
  const Preloaded = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Preloaded, { preload });
}
