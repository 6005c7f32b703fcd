// What every contender's page shares: the URL parameters, the row content and the mount timer.
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __bench: { scrollToIndex(index: number): void };
    __mountMs: number;
    /** performance.now() when the page rendered, for the paint-timed mount (first-contentful-paint). */
    __mountStart: number;
  }
}

const params = new URLSearchParams(location.search);
export const count = Number(params.get('count') ?? 1000);
export const measured = params.get('mode') === 'measured';
export const ROW_HEIGHT = 36;
export const ESTIMATE = 100;

/** 1–8 lines per row from a seeded generator: 37–177 px, unknown to the libraries. */
export function linesOf(index: number): number {
  let x = Math.imul(index + 1, 2654435761);
  x ^= x >>> 13;
  x = Math.imul(x, 1274126177);
  return 1 + ((x >>> 0) % 8);
}

const lineStyle = { font: '16px/22px sans-serif' };
/** The row's content: one line of text (fixed rows) or 1–8 lines (measured rows). */
export function content(index: number): ReactElement | string {
  if (!measured) return `Row ${index}`;
  const lines: ReactElement[] = [];
  for (let line = 0; line < linesOf(index); line++)
    lines.push(
      <div key={line} style={lineStyle}>
        {line === 0 ? `Row ${index}` : 'more text in a row that has to be measured'}
      </div>,
    );
  return <>{lines}</>;
}
export const rowPadding = measured ? { padding: '7px 8px', boxSizing: 'border-box' as const } : {};

/** Renders the page and records the time from render to the first frame that has rows. */
export function start(app: ReactElement, api: Window['__bench']) {
  window.__bench = api;
  const started = performance.now();
  window.__mountStart = started;
  createRoot(document.getElementById('root')!).render(app);
  const check = () => {
    if (document.querySelector('[data-row],[data-index]')) window.__mountMs = performance.now() - started;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
