/** Reads a timestamp column the same way on every engine (Date on PostgreSQL, text on SQLite). */
export function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** A timestamp column as epoch milliseconds (undefined when empty). */
export function toMs(value: unknown): number | undefined {
  const iso = toIso(value);
  return iso === undefined ? undefined : Date.parse(iso);
}

/**
 * The end of the UTC day a date names, as an instant: "2026-10-31" means
 * 2026-10-31T23:59:59.999Z. A full timestamp is taken as it is.
 */
export function endOfDayUtc(asOf: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    return new Date(`${asOf}T23:59:59.999Z`);
  }
  return new Date(asOf);
}

/** A validated date input as an instant: YYYY-MM-DD is its start (UTC). */
export function startOfDateInput(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return new Date(value);
}
