import { FactsEntity, FactsException } from '../PeriodFacts';
import { PackContext } from './PackContext';
import { exceptionDebt } from './risksSection';
import { PackRow } from '@aspm/plugin-aspm-common';

const entity = (
  ref: string,
  businessUnit?: string,
  team?: string,
): FactsEntity => ({
  ref,
  title: ref.split('/')[1],
  kind: 'component',
  businessUnit,
  team,
  metrics: [],
  operations: {} as FactsEntity['operations'],
  missingControls: [],
});

let nextId = 1;
const exception = (
  entityRef: string,
  businessUnit: string | undefined,
  category: string,
  patch: Partial<FactsException> = {},
): FactsException => ({
  id: nextId++,
  entityRef,
  businessUnit,
  category,
  ageDays: 10,
  reviewAt: '2026-12-01',
  hasCompensatingControl: true,
  source: 'portal',
  ...patch,
});

const A = 'group:default/unit-a';
const B = 'group:default/unit-b';
const TA = 'group:default/team-a';
const TB = 'group:default/team-b';
const c = (name: string) => `component:default/${name}`;

function context(exceptions: FactsException[]): PackContext {
  return {
    input: {
      detail: {
        businessUnits: [
          { ref: A, title: 'Unit A' },
          { ref: B, title: 'Unit B' },
        ],
        teams: [
          { ref: TA, title: 'Team A' },
          { ref: TB, title: 'Team B' },
        ],
        entities: [
          entity(c('a1'), A, TA),
          entity(c('a2'), A, TA),
          entity(c('a3'), A),
          entity(c('b1'), B, TB),
          entity(c('n1')),
        ],
      },
    },
    detail: { exceptions },
    titles: new Map(),
  } as unknown as PackContext;
}

/** Every row, depth first, as "level ref: active/over90/noControl/noReview/x/y". */
function flatten(rows: PackRow[], out: string[] = []): string[] {
  for (const r of rows) {
    const k = r.cells;
    out.push(
      `${r.level} ${r.entityRef ?? r.id}: ${k.total}/${k.over90}/${
        k.withoutControl
      }/${k.withoutReview}/${k['category:x']}/${k['category:y']}`,
    );
    if (r.children) flatten(r.children, out);
  }
  return out;
}

describe('exceptionDebt', () => {
  it('counts each unit, team and service from its own exceptions', () => {
    const table = exceptionDebt(
      context([
        exception(c('a1'), A, 'x', {
          ageDays: 120,
          hasCompensatingControl: false,
        }),
        exception(c('a1'), A, 'y', { reviewAt: undefined }),
        exception(c('a2'), A, 'x'),
        exception(c('a3'), A, 'y', { ageDays: 95 }),
        // Not in the catalog any more: its unit counts it, no team or service.
        exception(c('gone'), A, 'x'),
        exception(c('n1'), undefined, 'x', { hasCompensatingControl: false }),
      ]),
    );
    expect(table.columns.map(col => col.key)).toEqual([
      'name',
      'total',
      'over90',
      'withoutControl',
      'withoutReview',
      'category:x',
      'category:y',
    ]);
    const rows = flatten(table.rows);
    // Unit A: a1 (2), a2, a3 and the one of a service that left.
    expect(rows[0]).toBe(`businessUnit ${A}: 5/2/1/1/3/2`);
    expect(rows).toContain(`team ${TA}: 3/1/1/1/2/1`);
    expect(rows).toContain(`entity ${c('a1')}: 2/1/1/1/1/1`);
    expect(rows).toContain(`entity ${c('a2')}: 1/0/0/0/1/0`);
    expect(rows).toContain(`entity ${c('a3')}: 1/1/0/0/0/1`);
    // Unit B has none: no row, nor for its team and service.
    expect(rows.some(r => r.includes(B) || r.includes(TB))).toBe(false);
    expect(rows.some(r => r.includes('b1'))).toBe(false);
    // The service with no unit and no team, under the "no unit" row.
    expect(rows).toContain(`entity ${c('n1')}: 1/0/1/0/1/0`);
    expect(rows.filter(r => r.startsWith('businessUnit'))).toHaveLength(2);
  });
});
