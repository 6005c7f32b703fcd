import { type RawImage, resizeRaw } from './raw.js';
import type { Planned } from './responsive.js';

/** One size of the aspect-preserving set, as raw pixels once its resize has run. */
export interface Rung {
  width: number;
  height: number;
  pixels: Promise<RawImage>;
}

/**
 * The aspect-preserving sizes largest first, each shrunk from the one above it (1920 → 800 → 400), so
 * every resize reads a fraction of the pixels instead of the full decode. Dimensions are the planned
 * ones (`fill`), so a chain of roundings cannot drift from what `planSizes` promised.
 */
export function shrinkLadder(largest: RawImage, plans: Planned[]): Rung[] {
  const rungs: Rung[] = [{ width: largest.width, height: largest.height, pixels: Promise.resolve(largest) }];
  const sizes = plans.filter((plan) => plan.preset.height === undefined).sort((a, b) => b.width - a.width);
  for (const { width, height } of sizes) {
    const above = rungs.at(-1) as Rung;
    if (above.width === width && above.height === height) continue;
    rungs.push({ width, height, pixels: above.pixels.then((raw) => resizeRaw(raw, width, height, 'fill')) });
  }
  // Nobody awaits the pixels of a rung whose encodes failed first; its rejection is the same error.
  for (const rung of rungs) rung.pixels.catch(() => {});
  return rungs;
}

/**
 * The pixels of a planned output: its own rung, or, for a cropped size such as the square thumbnail,
 * a crop from the smallest rung that covers it without enlarging.
 */
export async function pixelsFor(rungs: Rung[], plan: Planned): Promise<RawImage> {
  const own = rungs.find((rung) => rung.width === plan.width && rung.height === plan.height);
  if (own && plan.preset.height === undefined) return own.pixels;
  const covering = rungs.filter((rung) => rung.width >= plan.width && rung.height >= plan.height);
  const source = covering.at(-1) ?? (rungs[0] as Rung);
  const raw = await source.pixels;
  if (raw.width === plan.width && raw.height === plan.height) return raw;
  return resizeRaw(raw, plan.width, plan.height, plan.preset.height === undefined ? 'fill' : 'cover');
}
