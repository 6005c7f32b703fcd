function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (typeof value === 'function') return 'a function';
  try {
    return String(value);
  } catch {
    return 'a value';
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Builds the one error sentence every perfkit API uses, in sharp's style:
 * `useLazyLoad: Expected a number between 0 and 1 for threshold but received -1 of type number.`
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
