import { PackFigure, PackSection, PackTable } from '@aspm/plugin-aspm-common';
import { businessUnitScope } from '../facts/packScopes';
import { FactsEntity } from '../PeriodFacts';
import { scorecardDrilldown } from './metricsSection';
import { PackContext } from './PackContext';
import { drillRows } from './packTables';

const TIERS = ['1', '2', '3', 'untiered'];
const ratio = (n: number, d: number) =>
  d > 0 ? Math.round((n / d) * 10000) / 10000 : null;

/** The services of the scope at the period end. */
const scopeEntities = (ctx: PackContext) =>
  ctx.input.detail.entities.filter(
    e => !ctx.businessUnit || e.businessUnit === ctx.businessUnit,
  );

/** Headline numbers of coverage, gates, evidence and remediation capacity. */
function executionFigures(ctx: PackContext): PackFigure[] {
  const metric = (id: string): PackFigure => {
    const m = ctx.metrics.find(x => x.id === id)!;
    return {
      id,
      label: ctx.vocab.metric(id),
      value: m.value,
      unit: m.unit,
      status: m.status,
      ...(m.direction ? { direction: m.direction } : {}),
    };
  };
  const { gateAdoption, flow } = ctx.detail;
  return [
    metric('tier1_coverage'),
    metric('ownership_completeness'),
    {
      id: 'gate-adoption',
      label: 'Releasing services running security gates',
      value: ratio(gateAdoption.gated, gateAdoption.releasing),
      unit: 'ratio',
      note: `${gateAdoption.gated} of ${gateAdoption.releasing}`,
    },
    metric('gate_pass_rate'),
    metric('evidence_completeness'),
    {
      id: 'opened',
      label: 'Critical and high opened',
      value: flow.opened.total + flow.reopened.total,
      unit: 'count',
      note: `${flow.reopened.total} of them reopened`,
    },
    {
      id: 'closed',
      label: 'Critical and high closed',
      value: flow.closed.total,
      unit: 'count',
    },
    {
      id: 'sla',
      label: 'Remediation SLA met',
      value: ctx.detail.sla.overall.ratio,
      unit: 'ratio',
      note: `${ctx.detail.sla.overall.attained} of ${ctx.detail.sla.overall.due} deadlines`,
    },
  ];
}

/** Adoption of each coverage control per tier, drilling to the services lacking it. */
export function controlAdoption(ctx: PackContext): PackTable {
  const cells = ctx.detail.controlAdoption;
  const controls = [...new Set(cells.map(c => c.control))];
  const entities = scopeEntities(ctx);
  return {
    kind: 'table',
    id: 'control-adoption',
    title: 'Control adoption by tier',
    description: 'Components of each tier with the control at the period end.',
    columns: [
      { key: 'name', label: 'Control / service lacking it', type: 'entity' },
      ...TIERS.map(t => ({
        key: `tier:${t}`,
        label: t === 'untiered' ? 'Untiered' : `Tier ${t}`,
        type: 'ratio' as const,
      })),
      { key: 'lacking', label: 'Services lacking it', type: 'count' },
      { key: 'tier', label: 'Tier', type: 'text' },
    ],
    rows: controls.map(control => {
      const lacking = entities.filter(e => e.missingControls.includes(control));
      const row: Record<string, string | number | null> = {
        name: ctx.vocab.control(control),
        lacking: lacking.length,
      };
      for (const t of TIERS) {
        row[`tier:${t}`] =
          cells.find(c => c.control === control && c.tier === t)?.ratio ?? null;
      }
      return {
        id: `control-${control}`,
        level: 'control',
        cells: row,
        children: lacking
          .sort(
            (a, b) =>
              (a.tier ?? '9').localeCompare(b.tier ?? '9') ||
              a.title.localeCompare(b.title),
          )
          .map(e => ({
            id: `${control}/${e.ref}`,
            level: 'entity',
            entityRef: e.ref,
            cells: {
              name: e.title,
              tier: e.tier ? `tier ${e.tier}` : 'untiered',
            },
          })),
      };
    }),
    emptyText:
      'No coverage controls are configured (aspm.metrics.coverage.controls).',
  };
}

/** Each control's adoption by business unit, team and service (pack B). */
function controlAdoptionDetail(ctx: PackContext): PackTable {
  const controls = [...new Set(ctx.detail.controlAdoption.map(c => c.control))];
  const share = (members: FactsEntity[]) => {
    const cells: Record<string, number | null> = {};
    for (const c of controls) {
      cells[c] = ratio(
        members.filter(m => !m.missingControls.includes(c)).length,
        members.length,
      );
    }
    return cells;
  };
  const entities = scopeEntities(ctx);
  return {
    kind: 'table',
    id: 'control-adoption-detail',
    title: 'Control adoption by business unit, team and service',
    description:
      'Share of services with each control (a control that does not apply, such as container scanning of a library, counts as present).',
    columns: [
      { key: 'name', label: 'Business unit / team / service', type: 'entity' },
      ...controls.map(c => ({
        key: c,
        label: ctx.vocab.control(c),
        type: 'ratio' as const,
      })),
    ],
    rows: drillRows(ctx, {
      businessUnit: ref => share(entities.filter(e => e.businessUnit === ref)),
      team: (_team, members) => share(members),
      entity: e => share([e]),
    }),
    emptyText: 'No services in this scope at the period end.',
  };
}

/** Findings opened vs closed and SLA attainment by business unit (org) or team. */
function remediationCapacity(ctx: PackContext): PackTable {
  const cell = (ops: {
    opened: number;
    closed: number;
    slaAttained: number;
    slaDue: number;
  }) => ({
    opened: ops.opened,
    closed: ops.closed,
    net: ops.opened - ops.closed,
    slaAttained: ops.slaAttained,
    slaDue: ops.slaDue,
    slaRatio: ratio(ops.slaAttained, ops.slaDue),
  });
  const sum = (members: FactsEntity[]) =>
    members.reduce(
      (s, m) => ({
        opened: s.opened + m.operations.opened,
        closed: s.closed + m.operations.closed,
        slaAttained: s.slaAttained + m.operations.slaAttained,
        slaDue: s.slaDue + m.operations.slaDue,
      }),
      { opened: 0, closed: 0, slaAttained: 0, slaDue: 0 },
    );
  const entities = scopeEntities(ctx);
  return {
    kind: 'table',
    id: 'remediation-capacity',
    title: 'Remediation capacity',
    description:
      'Critical and high findings opened (incl. reopened) and closed in the period; remediation SLA deadlines of the period met.',
    columns: [
      { key: 'name', label: 'Business unit / team / service', type: 'entity' },
      { key: 'opened', label: 'Opened', type: 'count' },
      { key: 'closed', label: 'Closed', type: 'count' },
      { key: 'net', label: 'Net', type: 'count' },
      { key: 'slaAttained', label: 'SLA met', type: 'count' },
      { key: 'slaDue', label: 'SLA due', type: 'count' },
      { key: 'slaRatio', label: 'SLA attainment', type: 'ratio' },
    ],
    rows: drillRows(ctx, {
      businessUnit: ref => {
        const d = ref
          ? ctx.input.detail.scopes[businessUnitScope(ref)]
          : undefined;
        if (!d) return cell(sum(entities.filter(e => e.businessUnit === ref)));
        return cell({
          opened: d.flow.opened.total + d.flow.reopened.total,
          closed: d.flow.closed.total,
          slaAttained: d.sla.overall.attained,
          slaDue: d.sla.overall.due,
        });
      },
      team: (team, members) => cell(team?.operations ?? sum(members)),
      entity: e => cell(e.operations),
    }),
    emptyText: 'No services in this scope at the period end.',
  };
}

/** Coverage and onboarding, gates, evidence and remediation capacity. */
export function executionSection(ctx: PackContext): PackSection {
  const coverage = scorecardDrilldown(ctx, [
    'tier1_coverage',
    'ownership_completeness',
    'gate_pass_rate',
    'evidence_completeness',
  ]);
  const blocks: PackSection['blocks'] = [
    { kind: 'figures', id: 'execution-figures', items: executionFigures(ctx) },
    controlAdoption(ctx),
  ];
  if (ctx.input.audience === 'managers')
    blocks.push(controlAdoptionDetail(ctx));
  blocks.push(
    {
      ...coverage,
      id: 'coverage-by-unit',
      title: ctx.businessUnit
        ? 'Coverage, ownership, gates and evidence by team and service'
        : 'Coverage, ownership, gates and evidence by business unit',
    },
    remediationCapacity(ctx),
  );
  return {
    id: 'execution',
    title:
      ctx.input.audience === 'managers'
        ? 'Control adoption and programme execution'
        : 'Program execution',
    blocks,
  };
}
