import { describe, expect, it } from 'vitest';
import { normalizeRootMargin, normalizeThreshold, optionsKey } from '../../src/visibility/optionsKey';

describe('rootMargin validation', () => {
  it.each(['200px', '0', '10% 0px', '-20px 0px 10px', '1px 2px 3px 4px', ' 100px  0px '])(
    'accepts %j',
    (margin) => {
      expect(() => normalizeRootMargin(margin, 'useLazyLoad')).not.toThrow();
    },
  );

  it('normalises whitespace so equal margins share one observer', () => {
    expect(normalizeRootMargin(' 100px  0px ', 'x')).toBe(normalizeRootMargin('100px 0px', 'x'));
  });

  it('names the option, the value and the fix when the margin has no unit', () => {
    expect(() => normalizeRootMargin('200', 'useLazyLoad')).toThrow(
      'useLazyLoad: Expected a CSS margin such as "200px" or "10% 0px" for rootMargin but received "200" of type string. Give one to four lengths in px or %.',
    );
  });

  it.each(['2em', '1px 2px 3px 4px 5px', '', 'auto', 200])('rejects %j', (margin) => {
    expect(() => normalizeRootMargin(margin, 'useLazyLoad')).toThrow(TypeError);
  });
});

describe('threshold validation', () => {
  it('rejects a negative threshold with a RangeError naming it', () => {
    expect(() => normalizeThreshold(-0.5, 'useLazyLoad')).toThrow(
      'useLazyLoad: Expected a number between 0 and 1 for threshold but received -0.5 of type number.',
    );
  });

  it('rejects thresholds above 1 inside a list', () => {
    expect(() => normalizeThreshold([0, 1.5], 'useLazyLoad')).toThrow(RangeError);
  });

  it('rejects a threshold that is not a number', () => {
    expect(() => normalizeThreshold('0.5', 'useLazyLoad')).toThrow(/received "0.5" of type string/);
  });

  it('sorts a list so the same thresholds in another order share one observer', () => {
    expect(optionsKey('0px', normalizeThreshold([1, 0, 0.5], 'x'))).toBe(
      optionsKey('0px', normalizeThreshold([0, 0.5, 1], 'x')),
    );
  });
});
