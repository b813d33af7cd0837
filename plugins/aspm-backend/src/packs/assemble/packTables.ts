import {
  MetricValue,
  PackCellValue,
  PackColumn,
  PackColumnType,
  PackRow,
} from '@aspm/plugin-aspm-common';
import { CompactMetric, FactsEntity, FactsGroup } from '../PeriodFacts';
import { PackContext } from './PackContext';

/** Cells of a row, or undefined to leave the row out. */
export type Cells = Record<string, PackCellValue> | undefined;

/** The column type of a metric unit. */
export function columnType(unit: MetricValue['unit']): PackColumnType {
  return unit;
}

/** A name column, then one column per metric (value, with its status cell). */
export function metricColumns(
  ctx: PackContext,
  ids: string[],
  name = 'Business unit / team / service',
): PackColumn[] {
  const units = new Map(ctx.metrics.map(m => [m.id as string, m.unit]));
  return [
    { key: 'name', label: name, type: 'entity' },
    ...ids.map(id => ({
      key: id,
      label: ctx.vocab.metric(id),
      type: columnType(units.get(id) ?? 'count'),
      statusKey: `${id}.status`,
    })),
  ];
}

/** The cells of metric columns from a row's metrics. */
export function metricCells(
  metrics: Array<CompactMetric | MetricValue>,
  ids: string[],
): Record<string, PackCellValue> {
  const cells: Record<string, PackCellValue> = {};
  for (const id of ids) {
    const m = metrics.find(x => x.id === id);
    cells[id] = m?.value ?? null;
    cells[`${id}.status`] = m?.status ?? 'no-data';
  }
  return cells;
}

const NO_UNIT = '(no business unit)';
const NO_TEAM = '(no team)';

/**
 * Rows of a table that drills from business units (org packs) to teams to
 * services. Each level's cells come from its function; a function answering
 * undefined leaves that row out (its children still show under its parent).
 */
export function drillRows(
  ctx: PackContext,
  cells: {
    businessUnit?: (ref: string | undefined) => Cells;
    team: (team: FactsGroup | undefined, members: FactsEntity[]) => Cells;
    entity: (entity: FactsEntity) => Cells;
  },
): PackRow[] {
  const { detail } = ctx.input;
  const teams = new Map(detail.teams.map(t => [t.ref, t]));
  const entityRows = (list: FactsEntity[]): PackRow[] =>
    list.flatMap(e => {
      const c = cells.entity(e);
      return c
        ? [
            {
              id: e.ref,
              level: 'entity',
              entityRef: e.ref,
              cells: { name: e.title, ...c },
            },
          ]
        : [];
    });
  const teamRows = (members: FactsEntity[], unit: string): PackRow[] => {
    const byTeam = new Map<string | undefined, FactsEntity[]>();
    for (const e of members) {
      if (!byTeam.has(e.team)) byTeam.set(e.team, []);
      byTeam.get(e.team)!.push(e);
    }
    const rows: PackRow[] = [];
    const order = [...byTeam.keys()].sort((a, b) =>
      (a ? ctx.titles.get(a) ?? a : '~').localeCompare(
        b ? ctx.titles.get(b) ?? b : '~',
      ),
    );
    for (const ref of order) {
      const list = byTeam.get(ref)!;
      const team = ref ? teams.get(ref) : undefined;
      const children = entityRows(list);
      const c = cells.team(team, list);
      if (!c && !children.length) continue;
      rows.push({
        id: `${unit}/${ref ?? NO_TEAM}`,
        level: 'team',
        ...(ref ? { entityRef: ref } : {}),
        cells: {
          name: ref ? ctx.titles.get(ref) ?? ref : NO_TEAM,
          ...(c ?? {}),
        },
        ...(children.length ? { children } : {}),
      });
    }
    return rows;
  };
  const inScope = detail.entities.filter(
    e => !ctx.businessUnit || e.businessUnit === ctx.businessUnit,
  );
  if (ctx.businessUnit || !cells.businessUnit) {
    return teamRows(inScope, ctx.businessUnit ?? 'org');
  }
  const units = [
    ...detail.businessUnits.map(b => b.ref as string | undefined),
    ...(inScope.some(e => !e.businessUnit) ? [undefined] : []),
  ];
  const byUnit = new Map<string | undefined, FactsEntity[]>();
  for (const e of inScope) {
    if (!byUnit.has(e.businessUnit)) byUnit.set(e.businessUnit, []);
    byUnit.get(e.businessUnit)!.push(e);
  }
  return units.flatMap(ref => {
    const members = byUnit.get(ref) ?? [];
    const children = teamRows(members, ref ?? NO_UNIT);
    const c = cells.businessUnit!(ref);
    if (!c && !children.length) return [];
    return [
      {
        id: ref ?? NO_UNIT,
        level: 'businessUnit',
        ...(ref ? { entityRef: ref } : {}),
        cells: {
          name: ref ? ctx.titles.get(ref) ?? ref : NO_UNIT,
          ...(c ?? {}),
        },
        ...(children.length ? { children } : {}),
      },
    ];
  });
}

/** Sums a numeric cell of rows' members. */
export const sum = <T>(list: T[], valueOf: (item: T) => number) =>
  list.reduce((s, x) => s + valueOf(x), 0);
