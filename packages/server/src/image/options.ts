import { invalidOption } from '../errors.js';
import { type DecodeLimits, ImageFormat, type ResponsiveOptions, type SizePreset } from './types.js';

/** The four presets of the original design. */
export const DEFAULT_PRESETS: readonly SizePreset[] = Object.freeze([
  { name: 'thumbnail', width: 150, height: 150, quality: 80 },
  { name: 'small', width: 400, quality: 85 },
  { name: 'medium', width: 800, quality: 85 },
  { name: 'large', width: 1920, quality: 90 },
]);

/**
 * 50 MP: every phone's main camera fits (a 48 MP sensor saves 8064x6048), while a 16k x 16k image
 * (sharp's own 268 MP default) would cost seconds and hundreds of MB per decode.
 */
export const DEFAULT_LIMITS: Readonly<Required<DecodeLimits>> = Object.freeze({
  maxInputPixels: 50_000_000,
  maxInputChannels: 4,
  timeoutSeconds: 10,
  maxFrames: 50,
});

const FORMATS = Object.values(ImageFormat) as string[];

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function resolveLimits(api: string, options: DecodeLimits = {}): Required<DecodeLimits> {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof DecodeLimits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!isPositiveInteger(value)) throw invalidOption(api, 'positive integer', key, value);
    limits[key] = value;
  }
  return limits;
}

export function resolveFormats(api: string, formats: unknown = ['webp']): ImageFormat[] {
  if (!Array.isArray(formats) || formats.length === 0 || !formats.every((f) => FORMATS.includes(f))) {
    throw invalidOption(
      api,
      `a non-empty array of ${FORMATS.map((f) => `"${f}"`).join(', ')}`,
      'formats',
      formats,
    );
  }
  return [...new Set(formats as ImageFormat[])];
}

export function resolveQuality(api: string, name: string, value: unknown): number {
  if (!isPositiveInteger(value) || value > 100)
    throw invalidOption(api, 'integer between 1 and 100', name, value);
  return value;
}

export function resolvePresets(api: string, presets: unknown = DEFAULT_PRESETS): SizePreset[] {
  if (!Array.isArray(presets) || presets.length === 0) {
    throw invalidOption(api, 'a non-empty array of { name, width, height?, quality }', 'presets', presets);
  }
  return presets.map((preset: SizePreset, index) => {
    const at = `presets[${index}]`;
    if (!preset || typeof preset.name !== 'string' || !/^[a-z0-9-]{1,32}$/i.test(preset.name)) {
      throw invalidOption(api, 'a name of letters, digits and dashes', `${at}.name`, preset?.name);
    }
    if (!isPositiveInteger(preset.width))
      throw invalidOption(api, 'positive integer', `${at}.width`, preset.width);
    if (preset.height !== undefined && !isPositiveInteger(preset.height)) {
      throw invalidOption(api, 'positive integer', `${at}.height`, preset.height);
    }
    resolveQuality(api, `${at}.quality`, preset.quality);
    return { ...preset };
  });
}

/** Encoder knobs are checked here: passed on unchecked, sharp's complaint would read as a bad image (422). */
export function checkEncoderOptions(api: string, options: ResponsiveOptions): void {
  const ranges: [keyof ResponsiveOptions, number, number][] = [
    ['webpEffort', 0, 6],
    ['avifEffort', 0, 9],
    ['avifQualityOffset', 0, 99],
  ];
  for (const [name, min, max] of ranges) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw invalidOption(api, `integer between ${min} and ${max}`, name, value);
    }
  }
}
