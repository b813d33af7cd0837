import { ExceptionCategorySummary } from '@aspm/plugin-aspm-common';

/** One business unit of the summary: count per category. */
export interface CategorySummaryRow {
  businessUnit: string;
  counts: Record<string, number>;
  total: number;
}

/**
 * The summary as a table: a row per business unit (most exceptions first),
 * a column per category that occurs (in the policy's order, then others by
 * name).
 */
export function pivotCategorySummary(
  summary: ExceptionCategorySummary,
  categoryOrder: string[] = [],
): { categories: string[]; rows: CategorySummaryRow[] } {
  const rows = new Map<string, CategorySummaryRow>();
  const present = new Set<string>();
  for (const { businessUnit, category, count } of summary.items) {
    if (count <= 0) continue;
    present.add(category);
    const row = rows.get(businessUnit) ?? {
      businessUnit,
      counts: {},
      total: 0,
    };
    row.counts[category] = (row.counts[category] ?? 0) + count;
    row.total += count;
    rows.set(businessUnit, row);
  }
  const rank = (c: string) => {
    const i = categoryOrder.indexOf(c);
    return i < 0 ? categoryOrder.length : i;
  };
  const categories = [...present].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return {
    categories,
    rows: [...rows.values()].sort(
      (a, b) =>
        b.total - a.total || a.businessUnit.localeCompare(b.businessUnit),
    ),
  };
}
