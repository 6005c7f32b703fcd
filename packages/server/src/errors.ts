/** Machine-readable codes carried by every error this package throws or answers with. */
export const ErrorCode = {
  INVALID_OPTION: 'PERFKIT_INVALID_OPTION',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class PerfkitError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(message: string, code: string = ErrorCode.INVALID_OPTION, statusCode = 500) {
    super(message);
    this.name = 'PerfkitError';
    this.code = code;
    this.statusCode = statusCode;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value && typeof value === 'object') return 'an object';
  return String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * One error sentence for every option check, in sharp's style:
 * `createCacheManager: Expected positive integer for ttl but received -3 of type number.`
 */
export function expected(
  api: string,
  expectation: string,
  name: string,
  value: unknown,
  fix?: string,
): string {
  const sentence = `${api}: Expected ${expectation} for ${name} but received ${describe(value)} of type ${typeName(value)}.`;
  return fix ? `${sentence} ${fix}` : sentence;
}

export function invalidOption(
  api: string,
  expectation: string,
  name: string,
  value: unknown,
  fix?: string,
): PerfkitError {
  return new PerfkitError(expected(api, expectation, name, value, fix), ErrorCode.INVALID_OPTION);
}
