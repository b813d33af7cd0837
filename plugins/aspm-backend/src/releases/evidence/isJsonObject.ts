/** A parsed JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/**
 * True when `value` is a plain JSON object: not null, not an array, not a
 * primitive.
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, in words, for error messages. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
