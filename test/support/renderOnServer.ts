import type { BrowserCommand } from 'vitest/node';

/**
 * A browser command: renders `<LazyImage {...props} />` in the Node process, as a server would, so that
 * hydration tests in Chromium start from real server HTML (rendering it in the browser would not be server
 * rendering: `document` exists there).
 */
export const renderLazyImageOnServer: BrowserCommand<[props: Record<string, unknown>]> = async (
  _context,
  props,
) => {
  const { runnerImport } = await import('vite');
  const [{ createElement }, { renderToString }, { module }] = await Promise.all([
    import('react'),
    import('react-dom/server'),
    runnerImport<typeof import('../../src')>(new URL('../../src/index.ts', import.meta.url).pathname, {
      configFile: false,
      logLevel: 'warn',
    }),
  ]);
  return renderToString(createElement(module.LazyImage, props as never));
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    renderLazyImageOnServer: (props: Record<string, unknown>) => Promise<string>;
  }
}
