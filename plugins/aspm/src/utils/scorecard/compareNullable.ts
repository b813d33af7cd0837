/**
 * Ascending order of possibly missing numbers, missing ones last (a table
 * sorted by gate pass rate lists services without releases after the rest).
 */
export function compareNullable(
  a: number | null | undefined,
  b: number | null | undefined,
): number {
  const missingA = a === null || a === undefined;
  const missingB = b === null || b === undefined;
  if (missingA || missingB) return Number(missingA) - Number(missingB);
  return a - b;
}
