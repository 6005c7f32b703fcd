import { thumbHashToRGBA as referenceToRGBA, thumbHashToAverageRGBA } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { thumbHashToColor, thumbHashToRGBA } from '../../src/image/thumbhash';
import hashes from '../fixtures/images/thumbhashes.json';

const bytes = (hash: string) => Uint8Array.from(atob(hash), (char) => char.charCodeAt(0));
// A 4:3 landscape hash with alpha, from the ThumbHash reference page's examples.
const withAlpha = 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw';

describe('thumbHashToRGBA', () => {
  it.each([...Object.entries(hashes), ['alpha', withAlpha]])(
    'decodes %s like the reference decoder',
    (_name, hash) => {
      const [w, h, rgba] = thumbHashToRGBA(bytes(hash));
      const reference = referenceToRGBA(bytes(hash));
      expect([w, h]).toEqual([reference.w, reference.h]);
      // The reference truncates to bytes, ours rounds: at most 1 apart per channel.
      const worst = rgba.reduce(
        (max, value, index) => Math.max(max, Math.abs(value - reference.rgba[index]!)),
        0,
      );
      expect(worst).toBeLessThanOrEqual(1);
    },
  );
});

describe('thumbHashToColor', () => {
  it('gives the average colour of the hash', () => {
    const { r, g, b } = thumbHashToAverageRGBA(bytes(hashes['photo-4']));
    expect(thumbHashToColor(hashes['photo-4'])).toBe(
      `rgb(${[r, g, b].map((value) => Math.round(255 * value)).join(' ')})`,
    );
  });
});
