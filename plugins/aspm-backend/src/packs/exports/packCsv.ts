import { DirectorPack, PackRow, PackTable } from '@aspm/plugin-aspm-common';
import { InputError } from '@backstage/errors';
import { cellRaw } from './packCells';

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function field(value: string, numeric = false): string {
  let v = value;
  if (!numeric && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const line = (values: Array<{ v: string; numeric?: boolean }>) =>
  values.map(x => field(x.v, x.numeric)).join(',');

function tables(pack: DirectorPack): PackTable[] {
  return pack.sections.flatMap(s =>
    s.blocks.filter((b): b is PackTable => b.kind === 'table'),
  );
}

/** The table ids `format=csv&table=` accepts for a pack. */
export function csvTableIds(pack: DirectorPack): string[] {
  return ['scorecard', 'trend', ...tables(pack).map(t => t.id)];
}

function walk(
  rows: PackRow[],
  path: string[],
  out: Array<{ row: PackRow; path: string[] }>,
) {
  for (const row of rows) {
    const here = [...path, String(row.cells.name ?? row.id)];
    out.push({ row, path: here });
    walk(row.children ?? [], here, out);
  }
  return out;
}

/** The scorecard: the scope's metrics, then each drill-down row's. */
function scorecardCsv(pack: DirectorPack): string[] {
  const scorecard = pack.sections
    .flatMap(s => s.blocks)
    .find(b => b.kind === 'scorecard');
  const metrics =
    scorecard && scorecard.kind === 'scorecard' ? scorecard.metrics : [];
  const header = [
    'level',
    'path',
    'entity_ref',
    'metric_id',
    'metric',
    'unit',
    'value',
    'status',
    'target',
    'direction',
    'previous_value',
    'year_ago_value',
  ];
  const out = [header.join(',')];
  for (const m of metrics) {
    out.push(
      line([
        { v: 'scope' },
        { v: pack.scopeTitle },
        { v: pack.scope },
        { v: String(m.id) },
        { v: m.title },
        { v: m.unit },
        { v: cellRaw(m.value), numeric: true },
        { v: m.status },
        { v: m.target ? `${m.target.op}${m.target.value}` : '' },
        { v: m.direction ?? '' },
        { v: cellRaw(m.previousValue), numeric: true },
        { v: cellRaw(m.yearAgoValue), numeric: true },
      ]),
    );
  }
  const drill = tables(pack).find(t => t.id === 'scorecard-drilldown');
  if (drill) {
    const titles = new Map(metrics.map(m => [String(m.id), m]));
    for (const { row, path } of walk(drill.rows, [], [])) {
      for (const c of drill.columns.slice(1)) {
        const m = titles.get(c.key);
        out.push(
          line([
            { v: row.level },
            { v: path.join(' / ') },
            { v: row.entityRef ?? '' },
            { v: c.key },
            { v: c.label },
            { v: m?.unit ?? c.type },
            { v: cellRaw(row.cells[c.key]), numeric: true },
            { v: cellRaw(c.statusKey ? row.cells[c.statusKey] : '') },
            { v: m?.target ? `${m.target.op}${m.target.value}` : '' },
            { v: '' },
            { v: '' },
            { v: '' },
          ]),
        );
      }
    }
  }
  return out;
}

/** Every metric's trend points, with the counting changes at each. */
function trendCsv(pack: DirectorPack): string[] {
  const out = [
    'scope,metric_id,metric,unit,period,value,status,counting_changes',
  ];
  const scorecard = pack.sections
    .flatMap(s => s.blocks)
    .find(b => b.kind === 'scorecard');
  if (!scorecard || scorecard.kind !== 'scorecard') return out;
  for (const m of scorecard.metrics) {
    const series = [
      { scope: pack.scope, points: m.points },
      ...m.byBusinessUnit.map(b => ({
        scope: `businessUnit:${b.key}`,
        points: b.points,
      })),
    ];
    for (const s of series) {
      for (const p of s.points) {
        out.push(
          line([
            { v: s.scope },
            { v: String(m.id) },
            { v: m.title },
            { v: m.unit },
            { v: p.period },
            { v: cellRaw(p.value), numeric: true },
            { v: p.status ?? '' },
            { v: (p.countingChanges ?? []).map(c => c.description).join('; ') },
          ]),
        );
      }
    }
  }
  return out;
}

function tableCsv(t: PackTable): string[] {
  const out = [
    line([
      { v: 'level' },
      { v: 'path' },
      { v: 'entity_ref' },
      ...t.columns.map(c => ({ v: c.label })),
    ]),
  ];
  for (const { row, path } of walk(t.rows, [], [])) {
    out.push(
      line([
        { v: row.level },
        { v: path.join(' / ') },
        { v: row.entityRef ?? '' },
        ...t.columns.map(c => ({
          v: cellRaw(row.cells[c.key]),
          numeric: typeof row.cells[c.key] === 'number',
        })),
      ]),
    );
  }
  return out;
}

/**
 * A pack table as CSV: `scorecard` (default: the metrics of the scope and
 * of every business unit, team and service), `trend` (every metric's
 * points, per business unit too), or any table of the pack by id. Ratios
 * are 0..1, days and points as numbers.
 */
export function packCsv(pack: DirectorPack, table = 'scorecard'): string {
  let lines: string[];
  if (table === 'scorecard') lines = scorecardCsv(pack);
  else if (table === 'trend') lines = trendCsv(pack);
  else {
    const t = tables(pack).find(x => x.id === table);
    if (!t) {
      throw new InputError(
        `table: no table '${table}' in this pack; its tables are ${csvTableIds(
          pack,
        ).join(', ')}`,
      );
    }
    lines = tableCsv(t);
  }
  return `${lines.join('\r\n')}\r\n`;
}
