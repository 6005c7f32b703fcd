import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';

/** Fails the test on any console error or warning and on uncaught errors (ResizeObserver loops included). */
export function failOnConsole() {
  const problems: unknown[][] = [];
  const onError = (event: ErrorEvent) => problems.push(['uncaught', event.message]);
  beforeEach(() => {
    problems.length = 0;
    vi.spyOn(console, 'error').mockImplementation((...args) => problems.push(['error', ...args]));
    vi.spyOn(console, 'warn').mockImplementation((...args) => problems.push(['warn', ...args]));
    window.addEventListener('error', onError);
  });
  afterEach(async () => {
    // One more frame, so that a late ResizeObserver error would still be caught.
    await nextFrame();
    cleanup();
    window.removeEventListener('error', onError);
    vi.restoreAllMocks();
    expect(problems).toEqual([]);
  });
}

export const nextFrame = () => new Promise<number>((done) => requestAnimationFrame(done));

/** Lines of text per row, 1–8, from a seeded generator so every run lays out the same. */
export function linesOf(index: number): number {
  let x = (index + 1) * 2654435761;
  x ^= x >>> 13;
  x = Math.imul(x, 1274126177);
  return 1 + ((x >>> 0) % 8);
}

/** A row whose height is known only once it is laid out (about 22 px per line). */
export function TextRow({ index }: { index: number }) {
  return (
    <div style={{ padding: '6px 8px', borderBottom: '1px solid #ddd', font: '16px/22px sans-serif' }}>
      {Array.from({ length: linesOf(index) }, (_, line) => (
        <div key={line}>{line === 0 ? `Row ${index}` : 'more text'}</div>
      ))}
    </div>
  );
}

/** Top of row `index` relative to the top of `container`, or undefined when it is not in the DOM. */
export function topOf(container: Element, index: number): number | undefined {
  const row = container.querySelector(`[data-index="${index}"]`);
  if (!row) return undefined;
  return row.getBoundingClientRect().top - container.getBoundingClientRect().top;
}

/** The first row whose bottom is below the container's top edge. */
export function firstVisible(container: Element): { index: number; top: number } {
  const top = container.getBoundingClientRect().top;
  const rows = [...container.querySelectorAll<HTMLElement>('[data-index]')]
    .map((row) => ({ index: Number(row.dataset.index), box: row.getBoundingClientRect() }))
    .filter((row) => row.box.bottom > top + 0.5)
    .sort((a, b) => a.box.top - b.box.top);
  return { index: rows[0]!.index, top: rows[0]!.box.top - top };
}

export function scrollerOf(container: Element): HTMLElement {
  return container.querySelector<HTMLElement>('[tabindex="0"]')!;
}
