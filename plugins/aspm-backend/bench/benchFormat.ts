/*
 * What the benchmark scripts share to print their numbers: en-US grouping
 * (the tables in docs/performance.md), percentiles by rank, and progress on
 * standard error so standard output stays the table.
 */

/** A number with en-US grouping and `digits` decimals (rounded). */
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** The q-quantile by nearest rank (q = 0.5: the lower median). */
export const percentile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

/** A progress line on standard error. */
export const progress = (msg: string) => process.stderr.write(`  ${msg}\n`);
