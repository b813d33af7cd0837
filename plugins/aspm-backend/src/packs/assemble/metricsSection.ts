import {
  DIRECTOR_METRIC_IDS,
  PackSection,
  PackTable,
} from '@aspm/plugin-aspm-common';
import { businessUnitScope } from '../facts/packScopes';
import { FactsGroup } from '../PeriodFacts';
import { packMetrics } from './packMetrics';
import { PackContext } from './PackContext';
import { drillRows, metricCells, metricColumns } from './packTables';

const IDS = [...DIRECTOR_METRIC_IDS] as string[];

/** Every metric by business unit, team and service. */
export function scorecardDrilldown(ctx: PackContext, ids = IDS): PackTable {
  const current = ctx.input.trend[ctx.input.trend.length - 1];
  return {
    kind: 'table',
    id: 'scorecard-drilldown',
    title: ctx.businessUnit
      ? 'The metrics by team and service'
      : 'The metrics by business unit, team and service',
    columns: metricColumns(ctx, ids),
    rows: drillRows(ctx, {
      businessUnit: ref => {
        const facts = ref ? current.scopes[businessUnitScope(ref)] : undefined;
        return metricCells(facts?.metrics ?? [], ids);
      },
      team: team => metricCells(team?.metrics ?? [], ids),
      entity: e => metricCells(e.metrics, ids),
    }),
    emptyText:
      'No services in this scope at the period end: the catalog sync has not run, or the history starts later.',
  };
}

/** A scorecard of systems or domains, each drilling down to its services. */
function groupScorecard(
  ctx: PackContext,
  kind: 'system' | 'domain',
  groups: FactsGroup[],
): PackTable {
  const inScope = groups.filter(
    g => !ctx.businessUnit || g.businessUnits.includes(ctx.businessUnit),
  );
  const entities = ctx.input.detail.entities.filter(
    e => !ctx.businessUnit || e.businessUnit === ctx.businessUnit,
  );
  return {
    kind: 'table',
    id: `${kind}-scorecard`,
    title:
      kind === 'system' ? 'Service scorecard by system' : 'Domain scorecard',
    columns: metricColumns(
      ctx,
      IDS,
      kind === 'system' ? 'System / service' : 'Domain / service',
    ),
    rows: inScope.map(g => ({
      id: g.ref,
      level: kind,
      entityRef: g.ref,
      cells: { name: g.title, ...metricCells(g.metrics, IDS) },
      children: entities
        .filter(e => e[kind] === g.ref)
        .map(e => ({
          id: e.ref,
          level: 'entity',
          entityRef: e.ref,
          cells: { name: e.title, ...metricCells(e.metrics, IDS) },
        })),
    })),
    emptyText: `No ${
      kind === 'system' ? 'systems' : 'domains'
    } in this scope: set spec.system on Components (and spec.domain on Systems) in the catalog.`,
  };
}

const TITLES = {
  leadership: 'Core metrics',
  managers: 'Scorecards: services and domains',
  board: 'Key measures',
} as const;

/** The ten metrics (eleven ids) as a scorecard, with the drill-down tables. */
export function metricsSection(ctx: PackContext): PackSection {
  const blocks: PackSection['blocks'] = [
    { kind: 'scorecard', id: 'scorecard', metrics: packMetrics(ctx) },
  ];
  if (ctx.input.audience !== 'board') blocks.push(scorecardDrilldown(ctx));
  if (ctx.input.audience === 'managers') {
    blocks.push(groupScorecard(ctx, 'system', ctx.input.detail.systems));
    blocks.push(groupScorecard(ctx, 'domain', ctx.input.detail.domains));
  }
  return { id: 'metrics', title: TITLES[ctx.input.audience], blocks };
}
