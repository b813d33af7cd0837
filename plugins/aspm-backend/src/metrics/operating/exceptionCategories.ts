import { ExceptionCategoryCount } from '@aspm/plugin-aspm-common';
import { MetricContext } from '../MetricContext';

/**
 * The categories of the scope's exceptions approved in `period` (up to the
 * world's asOf) and active at asOf, each with its exception and entity
 * counts; `repeated` when the category was granted twice or more in the
 * period (on one entity or several). Most exceptions first, then by name.
 */
export function exceptionCategories(
  ctx: MetricContext,
  period: { from: number; to: number },
): ExceptionCategoryCount[] {
  const end = Math.min(period.to, ctx.world.asOf + 1);
  const byCategory = new Map<
    string,
    { exceptions: number; entities: Set<string> }
  >();
  for (const x of ctx.exceptions) {
    if (x.approvedAt < period.from || x.approvedAt >= end) continue;
    let entry = byCategory.get(x.category);
    if (!entry) {
      entry = { exceptions: 0, entities: new Set() };
      byCategory.set(x.category, entry);
    }
    entry.exceptions += 1;
    entry.entities.add(x.entityRef);
  }
  return [...byCategory.entries()]
    .map(([category, { exceptions, entities }]) => ({
      category,
      exceptions,
      entities: entities.size,
      repeated: exceptions >= 2,
      entityRefs: [...entities].sort(),
    }))
    .sort(
      (a, b) =>
        b.exceptions - a.exceptions || a.category.localeCompare(b.category),
    );
}
