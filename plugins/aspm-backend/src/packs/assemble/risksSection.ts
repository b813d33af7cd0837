import {
  PackFigures,
  PackRow,
  PackSection,
  PackTable,
} from '@aspm/plugin-aspm-common';
import { businessUnitScope } from '../facts/packScopes';
import { FactsEntity, FactsException, ProductLine } from '../PeriodFacts';
import { PackContext } from './PackContext';
import { drillRows } from './packTables';

const ratio = (n: number, d: number) =>
  d > 0 ? Math.round((n / d) * 10000) / 10000 : null;

/** Service rows of entity refs (with the cells each gets). */
function serviceRows(
  ctx: PackContext,
  refs: Array<{ ref: string; cells: PackRow['cells'] }>,
): PackRow[] {
  return refs.map(({ ref, cells }) => ({
    id: ref,
    level: 'entity',
    entityRef: ref,
    cells: { name: ctx.titles.get(ref) ?? ref, ...cells },
  }));
}

/**
 * Product lines by their part of the risk-weighted backlog: domains, their
 * systems, their services (a system without a domain stands on its own).
 */
export function productLines(ctx: PackContext, limit = 10): PackTable {
  const total = ctx.detail.backlogByEntity.reduce((s, p) => s + p.weight, 0);
  const share = (w: number) => ratio(w, total);
  const domainOf = new Map(
    ctx.input.detail.entities.map(e => [e.system ?? e.ref, e.domain]),
  );
  const lineRow = (line: ProductLine, children: PackRow[]): PackRow => ({
    id: line.ref,
    level: line.kind,
    entityRef: line.ref,
    cells: {
      name: line.title,
      kind: line.kind === 'system' ? 'System' : 'Domain',
      weight: line.weight,
      findings: line.count,
      share: share(line.weight),
    },
    children,
  });
  const systemRow = (line: ProductLine) =>
    lineRow(
      line,
      serviceRows(
        ctx,
        line.entities.map(p => ({
          ref: p.key,
          cells: {
            kind: 'Service',
            weight: p.weight,
            findings: p.count,
            share: share(p.weight),
          },
        })),
      ),
    );
  const systems = ctx.detail.productLines.filter(l => l.kind === 'system');
  const rows = ctx.detail.productLines
    .filter(l => l.kind === 'domain')
    .map(domain => ({
      weight: domain.weight,
      row: lineRow(
        domain,
        systems.filter(s => domainOf.get(s.ref) === domain.ref).map(systemRow),
      ),
    }));
  for (const s of systems) {
    if (!domainOf.get(s.ref))
      rows.push({ weight: s.weight, row: systemRow(s) });
  }
  return {
    kind: 'table',
    id: 'product-lines',
    title: 'Highest-risk product lines',
    description:
      'Domains, their systems and services by risk-weighted critical backlog at the period end.',
    columns: [
      { key: 'name', label: 'Domain / system / service', type: 'entity' },
      { key: 'kind', label: 'Kind', type: 'text' },
      { key: 'weight', label: 'Risk weight', type: 'points' },
      { key: 'findings', label: 'Open criticals', type: 'count' },
      { key: 'share', label: 'Share of backlog', type: 'ratio' },
    ],
    rows: rows
      .sort((a, b) => b.weight - a.weight)
      .slice(0, limit)
      .map(r => r.row),
    emptyText:
      'No open critical findings on services in a System or Domain at the period end.',
  };
}

/** How much of the backlog the top 10 % of teams hold, and those teams. */
export function riskConcentration(ctx: PackContext): [PackFigures, PackTable] {
  const rc = ctx.detail.riskConcentration;
  const teamOf = new Map(ctx.input.detail.entities.map(e => [e.ref, e.team]));
  const figures: PackFigures = {
    kind: 'figures',
    id: 'risk-concentration',
    title: 'Risk concentration',
    items: [
      {
        id: 'top-share',
        label: `Backlog held by the top ${rc.topCount} of ${rc.teamCount} teams`,
        value: rc.share,
        unit: 'ratio',
      },
      {
        id: 'total-weight',
        label: 'Total risk weight',
        value: rc.totalWeight,
        unit: 'points',
      },
      {
        id: 'unowned-weight',
        label: 'Weight on services without a team',
        value: rc.unownedWeight,
        unit: 'points',
      },
    ],
  };
  const table: PackTable = {
    kind: 'table',
    id: 'top-teams',
    title: 'Teams holding the most risk',
    columns: [
      { key: 'name', label: 'Team / service', type: 'entity' },
      { key: 'weight', label: 'Risk weight', type: 'points' },
      { key: 'findings', label: 'Open criticals', type: 'count' },
      { key: 'share', label: 'Share of backlog', type: 'ratio' },
    ],
    rows: ctx.detail.backlogByTeam
      .filter(p => p.key !== '(none)')
      .slice(0, Math.max(rc.topCount, 5))
      .map(p => ({
        id: p.key,
        level: 'team',
        entityRef: p.key,
        cells: {
          name: ctx.titles.get(p.key) ?? p.key,
          weight: p.weight,
          findings: p.count,
          share: ratio(p.weight, rc.totalWeight),
        },
        children: serviceRows(
          ctx,
          ctx.detail.backlogByEntity
            .filter(e => teamOf.get(e.key) === p.key)
            .map(e => ({
              ref: e.key,
              cells: {
                weight: e.weight,
                findings: e.count,
                share: ratio(e.weight, rc.totalWeight),
              },
            })),
        ),
      })),
    emptyText: 'No open critical findings at the period end.',
  };
  return [figures, table];
}

/** Exception counts of a set of exceptions, by category too. */
function debtCells(list: FactsException[], categories: string[]) {
  if (!list.length) return undefined;
  const cells: PackRow['cells'] = {
    total: list.length,
    over90: list.filter(x => x.ageDays > 90).length,
    withoutControl: list.filter(x => !x.hasCompensatingControl).length,
    withoutReview: list.filter(x => !x.reviewAt).length,
  };
  for (const c of categories)
    cells[`category:${c}`] = list.filter(x => x.category === c).length;
  return cells;
}

/** Active exceptions by business unit and category, drilling to teams and services. */
export function exceptionDebt(ctx: PackContext): PackTable {
  const all = ctx.detail.exceptions;
  const categories = [...new Set(all.map(x => x.category))].sort();
  // Grouped once: a row per service, team and unit each looking through
  // every exception grew with services x exceptions (an org of 5,000
  // services and 20,000 exceptions spent 80% of the pack's time here).
  const byEntity = new Map<string, FactsException[]>();
  const byUnit = new Map<string | undefined, FactsException[]>();
  for (const x of all) {
    if (!byEntity.has(x.entityRef)) byEntity.set(x.entityRef, []);
    byEntity.get(x.entityRef)!.push(x);
    if (!byUnit.has(x.businessUnit)) byUnit.set(x.businessUnit, []);
    byUnit.get(x.businessUnit)!.push(x);
  }
  const of = (members: FactsEntity[]) =>
    [...new Set(members.map(m => m.ref))].flatMap(
      ref => byEntity.get(ref) ?? [],
    );
  return {
    kind: 'table',
    id: 'exception-debt',
    title: 'Exception debt by business unit and category',
    description: 'Exceptions active at the period end.',
    columns: [
      { key: 'name', label: 'Business unit / team / service', type: 'entity' },
      { key: 'total', label: 'Active', type: 'count' },
      { key: 'over90', label: 'Over 90 days', type: 'count' },
      {
        key: 'withoutControl',
        label: 'No compensating control',
        type: 'count',
      },
      { key: 'withoutReview', label: 'No review date', type: 'count' },
      ...categories.map(c => ({
        key: `category:${c}`,
        label: c,
        type: 'count' as const,
      })),
    ],
    rows: drillRows(ctx, {
      businessUnit: ref => debtCells(byUnit.get(ref) ?? [], categories),
      team: (_team, members) => debtCells(of(members), categories),
      entity: e => debtCells(byEntity.get(e.ref) ?? [], categories),
    }),
    emptyText: 'No active exceptions at the period end.',
  };
}

/** Exceptions lacking a compensating control or a review date, oldest first. */
export function exceptionsMissing(ctx: PackContext, limit = 50): PackTable {
  const list = ctx.detail.exceptions.filter(
    x => !x.hasCompensatingControl || !x.reviewAt,
  );
  return {
    kind: 'table',
    id: 'exceptions-missing',
    title: 'Exceptions without compensating control or review date',
    description:
      list.length > limit
        ? `The ${limit} oldest of ${list.length}.`
        : `${list.length} exceptions.`,
    columns: [
      { key: 'name', label: 'Service', type: 'entity' },
      { key: 'id', label: 'Exception', type: 'text' },
      { key: 'team', label: 'Team', type: 'text' },
      { key: 'category', label: 'Category', type: 'text' },
      { key: 'age', label: 'Age', type: 'days' },
      { key: 'missing', label: 'Missing', type: 'text' },
    ],
    rows: list.slice(0, limit).map(x => ({
      id: `exception-${x.id}`,
      level: 'exception',
      entityRef: x.entityRef,
      cells: {
        name: ctx.titles.get(x.entityRef) ?? x.entityRef,
        id: `#${x.id}`,
        team: x.team ? ctx.titles.get(x.team) ?? x.team : null,
        category: x.category,
        age: x.ageDays,
        missing: [
          ...(x.hasCompensatingControl ? [] : ['compensating control']),
          ...(x.reviewAt ? [] : ['review date']),
        ].join(', '),
      },
    })),
    emptyText:
      'Every active exception has a compensating control and a review date.',
  };
}

/** Release blocks and first-attempt gate failures by gate type, drilling to services. */
export function gateFailures(ctx: PackContext, title: string): PackTable {
  const blocks = ctx.detail.releaseBlocks.byRootCause;
  const gates = [
    ...new Set([
      ...Object.keys(blocks),
      ...ctx.detail.gateFailures.map(g => g.gate),
    ]),
  ];
  const failed = (gate: string) =>
    ctx.detail.gateFailures.find(x => x.gate === gate)?.failedFirst ?? 0;
  gates.sort(
    (a, b) =>
      (blocks[b] ?? 0) - (blocks[a] ?? 0) ||
      failed(b) - failed(a) ||
      a.localeCompare(b),
  );
  return {
    kind: 'table',
    id: 'gate-failures',
    title,
    description: `${ctx.detail.releaseBlocks.blocked} release candidates blocked in the period.`,
    columns: [
      { key: 'name', label: 'Gate / service', type: 'entity' },
      { key: 'blocked', label: 'Blocked releases', type: 'count' },
      { key: 'failedFirst', label: 'Failed first attempt', type: 'count' },
      { key: 'share', label: 'Of gated candidates', type: 'ratio' },
    ],
    rows: gates.map(gate => {
      const g = ctx.detail.gateFailures.find(x => x.gate === gate);
      return {
        id: `gate-${gate}`,
        level: 'gate',
        cells: {
          name: ctx.vocab.gate(gate),
          blocked: blocks[gate] ?? 0,
          failedFirst: g?.failedFirst ?? 0,
          share: g ? ratio(g.failedFirst, g.candidates) : 0,
        },
        children: serviceRows(
          ctx,
          (g?.entities ?? []).map(p => ({
            ref: p.key,
            cells: { failedFirst: p.count },
          })),
        ),
      };
    }),
    emptyText:
      'No gate failed and no release was blocked in the period (or no release candidates were posted with gates: POST /api/aspm/releases).',
  };
}

/** Rules and CWEs open on several services of one System or Domain. */
export function recurringFailures(ctx: PackContext, limit = 10): PackTable {
  const items = [...ctx.detail.recurring.items]
    .sort(
      (a, b) =>
        b.entities - a.entities ||
        b.findings - a.findings ||
        a.key.localeCompare(b.key),
    )
    .slice(0, limit);
  return {
    kind: 'table',
    id: 'recurring-failures',
    title: 'Recurring failure modes',
    description:
      'Rules and CWEs open on two or more services of the same System or Domain.',
    columns: [
      { key: 'name', label: 'Rule or CWE / service', type: 'entity' },
      { key: 'where', label: 'System or Domain', type: 'text' },
      { key: 'entities', label: 'Services', type: 'count' },
      { key: 'findings', label: 'Open findings', type: 'count' },
    ],
    rows: items.map(r => ({
      id: `${r.groupBy}:${r.group}:${r.kind}:${r.key}`,
      level: r.kind,
      cells: {
        name: r.kind === 'cwe' ? r.key : `rule ${r.key}`,
        where: ctx.titles.get(r.group) ?? r.group,
        entities: r.entities,
        findings: r.findings,
      },
      children: serviceRows(
        ctx,
        r.entityRefs.map(ref => ({
          ref,
          cells: { where: ctx.titles.get(r.group) ?? r.group },
        })),
      ),
    })),
    emptyText:
      'No rule or CWE is open on two services of the same System or Domain.',
  };
}

/** Backlog and SLA pressure by business unit, team and service. */
export function backlogPressure(ctx: PackContext): PackTable {
  const weights = new Map(ctx.detail.backlogByEntity.map(p => [p.key, p]));
  const sumOf = (members: FactsEntity[]) => {
    let weight = 0;
    let count = 0;
    for (const m of members) {
      weight += weights.get(m.ref)?.weight ?? 0;
      count += weights.get(m.ref)?.count ?? 0;
    }
    return { weight: Math.round(weight * 100) / 100, count };
  };
  const cells = (
    members: FactsEntity[],
    ops: {
      opened: number;
      closed: number;
      slaAttained: number;
      slaDue: number;
    },
  ) => ({
    ...(({ weight, count }) => ({ weight, findings: count }))(sumOf(members)),
    opened: ops.opened,
    closed: ops.closed,
    slaDue: ops.slaDue,
    slaRatio: ratio(ops.slaAttained, ops.slaDue),
  });
  const entities = ctx.input.detail.entities;
  return {
    kind: 'table',
    id: 'backlog-pressure',
    title: 'Backlog and SLA pressure',
    description:
      'Risk-weighted critical backlog at the period end; critical and high findings opened and closed, and remediation SLA deadlines met, in the period.',
    columns: [
      { key: 'name', label: 'Business unit / team / service', type: 'entity' },
      { key: 'weight', label: 'Risk weight', type: 'points' },
      { key: 'findings', label: 'Open criticals', type: 'count' },
      { key: 'opened', label: 'Opened', type: 'count' },
      { key: 'closed', label: 'Closed', type: 'count' },
      { key: 'slaDue', label: 'SLA deadlines', type: 'count' },
      { key: 'slaRatio', label: 'SLA met', type: 'ratio' },
    ],
    rows: drillRows(ctx, {
      businessUnit: ref => {
        const d = ref
          ? ctx.input.detail.scopes[businessUnitScope(ref)]
          : undefined;
        const members = entities.filter(e => e.businessUnit === ref);
        const sla = d?.sla.overall;
        return cells(members, {
          opened: d
            ? d.flow.opened.total + d.flow.reopened.total
            : sumOps(members, 'opened'),
          closed: d ? d.flow.closed.total : sumOps(members, 'closed'),
          slaAttained: sla?.attained ?? sumOps(members, 'slaAttained'),
          slaDue: sla?.due ?? sumOps(members, 'slaDue'),
        });
      },
      team: (team, members) =>
        cells(members, team?.operations ?? opsOf(members)),
      entity: e => cells([e], e.operations),
    }),
    emptyText: 'No services in this scope at the period end.',
  };
}

function sumOps(members: FactsEntity[], key: keyof FactsEntity['operations']) {
  return members.reduce((s, m) => s + m.operations[key], 0);
}

function opsOf(members: FactsEntity[]) {
  return {
    opened: sumOps(members, 'opened'),
    closed: sumOps(members, 'closed'),
    slaAttained: sumOps(members, 'slaAttained'),
    slaDue: sumOps(members, 'slaDue'),
  };
}

/** Remediation SLA misses of the period, earliest deadline first. */
export function slaMisses(ctx: PackContext, limit = 50): PackTable {
  const { missed, missedTotal } = ctx.detail.sla;
  return {
    kind: 'table',
    id: 'sla-misses',
    title: 'Remediation SLA misses',
    description:
      missedTotal > limit
        ? `The first ${limit} of ${missedTotal}.`
        : `${missedTotal} missed deadlines.`,
    columns: [
      { key: 'name', label: 'Service', type: 'entity' },
      { key: 'finding', label: 'Finding', type: 'text' },
      { key: 'severity', label: 'Severity', type: 'text' },
      { key: 'tier', label: 'Tier', type: 'text' },
      { key: 'deadline', label: 'Deadline', type: 'date' },
      { key: 'fixedAt', label: 'Fixed', type: 'date' },
    ],
    rows: missed.slice(0, limit).map(m => ({
      id: `finding-${m.findingId}`,
      level: 'finding',
      entityRef: m.entityRef,
      cells: {
        name: ctx.titles.get(m.entityRef) ?? m.entityRef,
        finding: `#${m.findingId}`,
        severity: m.severity,
        tier: m.tier,
        deadline: m.deadline,
        fixedAt: m.fixedAt ?? null,
      },
    })),
    emptyText: 'Every remediation SLA deadline of the period was met.',
  };
}

/** Top risks and exceptions (pack A), or gate failures, backlog and SLA pressure (pack B). */
export function risksSection(ctx: PackContext): PackSection {
  if (ctx.input.audience === 'managers') {
    return {
      id: 'risks',
      title: 'Gate failures, backlog and SLA pressure',
      blocks: [
        gateFailures(ctx, 'Gate failure analysis'),
        backlogPressure(ctx),
        slaMisses(ctx),
        recurringFailures(ctx, 20),
        exceptionsMissing(ctx),
      ],
    };
  }
  return {
    id: 'risks',
    title: 'Top risks and exceptions',
    blocks: [
      productLines(ctx),
      ...riskConcentration(ctx),
      exceptionDebt(ctx),
      exceptionsMissing(ctx, 20),
      gateFailures(ctx, 'Release blockers and failing gates'),
      recurringFailures(ctx),
    ],
  };
}
