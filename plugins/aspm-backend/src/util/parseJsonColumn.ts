/**
 * A JSON text column, or `fallback` when it is empty or not JSON (a row
 * written by hand or by an older version must not break a read).
 */
export function parseJsonColumn<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || !text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
