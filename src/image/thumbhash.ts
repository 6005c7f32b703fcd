// A compact ThumbHash decoder (format by Evan Wallace, github.com/evanw/thumbhash), written for size: the
// reference package is 10 kB unminified and also encodes. Output matches its thumbHashToRGBA.

function fromBase64(hash: string): Uint8Array {
  return Uint8Array.from(atob(hash), (char) => char.charCodeAt(0));
}

/** Stores the pixel of L, P, Q and alpha at `at`: clamped bytes clamp and round like the reference's. */
function toRgba([l, p, q, alpha]: number[], rgba: Uint8ClampedArray, at: number): Uint8ClampedArray {
  const rg = l! + p! / 3;
  rgba[at] = 255 * (rg + q! / 2);
  rgba[at + 1] = 255 * (rg - q! / 2);
  rgba[at + 2] = 255 * (l! - (p! * 2) / 3);
  rgba[at + 3] = 255 * alpha!;
  return rgba;
}

/** The average colour of a base64 ThumbHash as `rgb(r g b)`: instant, no pixels decoded. */
export function thumbHashToColor(hash: string): string {
  const bytes = fromBase64(hash);
  const header = bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16);
  const [r, g, b] = toRgba(
    [(header & 63) / 63, ((header >> 6) & 63) / 31.5 - 1, ((header >> 12) & 63) / 31.5 - 1, 1],
    new Uint8ClampedArray(4),
    0,
  );
  return `rgb(${r} ${g} ${b})`;
}

/** Decodes a ThumbHash (bytes) into at most 32x32 RGBA pixels. */
export function thumbHashToRGBA(hash: Uint8Array): [w: number, h: number, rgba: Uint8ClampedArray] {
  const header = hash[0]! | (hash[1]! << 8) | (hash[2]! << 16);
  const header16 = hash[3]! | (hash[4]! << 8);
  const hasAlpha = header >> 23;
  const isLandscape = header16 >> 15;
  // The aspect ratio comes from the stored counts; decoding uses at least 3 of each.
  const rx = isLandscape ? (hasAlpha ? 5 : 7) : header16 & 7;
  const ry = isLandscape ? header16 & 7 : hasAlpha ? 5 : 7;
  const lx = Math.max(3, rx);
  const ly = Math.max(3, ry);
  // The AC coefficients are nibbles from byte 5 on (6 with alpha); `index` counts nibbles from byte 0.
  let index = hasAlpha ? 12 : 10;
  // A channel: its mean, and its AC terms as flat (cx, cy, coefficient) triples over the triangle of
  // frequencies cx * ny < nx * (ny - cy), the coefficients being nibbles read in order across channels.
  const channel = (mean: number, nx: number, ny: number, scale: number) => {
    const terms: number[] = [];
    for (let cy = 0; cy < ny; cy++)
      for (let cx = cy ? 0 : 1; cx * ny < nx * (ny - cy); cx++, index++)
        terms.push(cx, cy, (((hash[index >> 1]! >> ((index & 1) << 2)) & 15) / 7.5 - 1) * scale);
    return [mean, terms] as const;
  };
  const channels = [
    channel((header & 63) / 63, lx, ly, ((header >> 18) & 31) / 31),
    channel(((header >> 6) & 63) / 31.5 - 1, 3, 3, (((header16 >> 3) & 63) / 63) * 1.25),
    channel(((header >> 12) & 63) / 31.5 - 1, 3, 3, (((header16 >> 9) & 63) / 63) * 1.25),
  ];
  if (hasAlpha) channels.push(channel((hash[5]! & 15) / 15, 5, 5, (hash[5]! >> 4) / 15));
  const ratio = rx / ry;
  const w = Math.round(ratio > 1 ? 32 : 32 * ratio);
  const h = Math.round(ratio > 1 ? 32 / ratio : 32);
  const rgba = new Uint8ClampedArray(w * h * 4);
  const n = Math.max(lx, ly, hasAlpha ? 5 : 3);
  const fx: number[] = [];
  const fy: number[] = [];
  const values = [0, 0, 0, 1];
  for (let y = 0, i = 0; y < h; y++) {
    for (let c = 0; c < n; c++) fy[c] = Math.cos((Math.PI / h) * (y + 0.5) * c) * 2;
    for (let x = 0; x < w; x++, i += 4) {
      for (let c = 0; c < n; c++) fx[c] = Math.cos((Math.PI / w) * (x + 0.5) * c);
      // Mean plus the sum of each coefficient times its cosines, per channel (L, P, Q, then alpha or 1).
      let k = 0;
      for (const [mean, terms] of channels) {
        let value = mean;
        for (let t = 0; t < terms.length; t += 3)
          value += terms[t + 2]! * fx[terms[t]!]! * fy[terms[t + 1]!]!;
        values[k++] = value;
      }
      toRgba(values, rgba, i);
    }
  }
  return [w, h, rgba];
}

const dataURLs = new Map<string, string>();

/** A base64 ThumbHash as a PNG data URL (browser only: drawn on a canvas). Cached per hash. */
export function thumbHashToDataURL(hash: string): string {
  let url = dataURLs.get(hash);
  if (!url) {
    if (process.env.NODE_ENV !== 'production' && typeof document === 'undefined') {
      throw new Error(
        'thumbHashToDataURL draws on a canvas and needs a browser; on the server use thumbHashToColor',
      );
    }
    const [w, h, rgba] = thumbHashToRGBA(fromBase64(hash));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.getContext('2d')!.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
    url = canvas.toDataURL();
    dataURLs.set(hash, url);
  }
  return url;
}
