/*
 * Tiny helpers to read untrusted parsed JSON without `any`: each returns the
 * value narrowed to its type, or undefined when it has another type.
 */

/** A plain JSON object (not an array, not null). */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** A JSON array. */
export function asArray(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** A string (empty strings included). */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A finite number. */
export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The elements of an array that are objects; [] when it is not an array. */
export function asRecords(v: unknown): Record<string, unknown>[] {
  return (asArray(v) ?? [])
    .map(asRecord)
    .filter((r): r is Record<string, unknown> => r !== undefined);
}

/** The elements of an array that are strings; [] when it is not an array. */
export function asStrings(v: unknown): string[] {
  return (asArray(v) ?? []).filter((s): s is string => typeof s === 'string');
}

/** A non-empty string after trimming, else undefined. */
export function asNonEmptyString(v: unknown): string | undefined {
  const s = asString(v)?.trim();
  return s ? s : undefined;
}
