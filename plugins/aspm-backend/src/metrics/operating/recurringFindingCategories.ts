import {
  MonthlyRecurringCategories,
  RecurringFindingCategory,
} from '@aspm/plugin-aspm-common';
import { MetricContext } from '../MetricContext';

/** Most rows answered per groupBy x kind. */
const LIMIT = 20;

type GroupBy = RecurringFindingCategory['groupBy'];
type Kind = RecurringFindingCategory['kind'];

/**
 * Rule ids and CWEs the scope's open findings (not accepted, not fixed) at
 * the world's asOf share across two or more entities of the same System,
 * and of the same Domain. Entities without a System (Domain) are left out
 * of that grouping. Per groupBy x kind, the `LIMIT` with most entities
 * (then most findings, then by group and key), and how many there are.
 */
export function recurringFindingCategories(
  ctx: MetricContext,
): MonthlyRecurringCategories {
  const cells = new Map<
    string,
    {
      groupBy: GroupBy;
      group: string;
      kind: Kind;
      key: string;
      findings: number;
      entities: Set<string>;
    }
  >();
  const count = (
    groupBy: GroupBy,
    group: string | undefined,
    kind: Kind,
    key: string,
    entityRef: string,
  ) => {
    if (!group || !key) return;
    const id = JSON.stringify([groupBy, group, kind, key]);
    let cell = cells.get(id);
    if (!cell) {
      cell = { groupBy, group, kind, key, findings: 0, entities: new Set() };
      cells.set(id, cell);
    }
    cell.findings += 1;
    cell.entities.add(entityRef);
  };
  for (const f of ctx.findings) {
    if (f.state !== 'open') continue;
    const e = ctx.entities.get(f.entityRef);
    if (!e) continue;
    const cwes = [...new Set(f.cwes)];
    for (const [groupBy, group] of [
      ['system', e.system],
      ['domain', e.domain],
    ] as Array<[GroupBy, string | undefined]>) {
      count(groupBy, group, 'rule', f.ruleId, f.entityRef);
      for (const cwe of cwes) count(groupBy, group, 'cwe', cwe, f.entityRef);
    }
  }
  const recurring = [...cells.values()]
    .filter(c => c.entities.size >= 2)
    .map(c => ({
      groupBy: c.groupBy,
      group: c.group,
      kind: c.kind,
      key: c.key,
      entities: c.entities.size,
      findings: c.findings,
      entityRefs: [...c.entities].sort(),
    }))
    .sort(
      (a, b) =>
        b.entities - a.entities ||
        b.findings - a.findings ||
        a.group.localeCompare(b.group) ||
        a.key.localeCompare(b.key),
    );
  const totals: Record<string, number> = {};
  const items: RecurringFindingCategory[] = [];
  for (const groupBy of ['system', 'domain'] as const) {
    for (const kind of ['rule', 'cwe'] as const) {
      const rows = recurring.filter(
        r => r.groupBy === groupBy && r.kind === kind,
      );
      totals[`${groupBy} x ${kind}`] = rows.length;
      items.push(...rows.slice(0, LIMIT));
    }
  }
  return { items, totals };
}
