import { describe, expect, it } from 'vitest';
import { ErrorCode, invalidOption, PerfkitError } from '../src/index.js';

describe('invalidOption', () => {
  it('names the API, the option, the value and its type in one sentence', () => {
    const error = invalidOption('createCacheManager', 'positive integer', 'ttl', -3);
    expect(error).toBeInstanceOf(PerfkitError);
    expect(error.code).toBe(ErrorCode.INVALID_OPTION);
    expect(error.message).toBe(
      'createCacheManager: Expected positive integer for ttl but received -3 of type number.',
    );
  });

  it('truncates long string values so a hostile input cannot flood the log', () => {
    const error = invalidOption(
      'imageHandler',
      'a known image id',
      'id',
      'x'.repeat(10_000),
      'Upload it first.',
    );
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toMatch(/of type string\. Upload it first\.$/);
  });
});
