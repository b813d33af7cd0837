import {
  contextOf,
  endOf,
  entity,
  finding,
  t,
  world,
} from '../../__testUtils__/operatingWorld';
import { WorldException } from '../MetricsWorld';
import { exceptionCategories } from './exceptionCategories';
import { recurringFindingCategories } from './recurringFindingCategories';

const NOVEMBER = { from: t('2026-11-01'), to: t('2026-12-01') };
const TIMES = { asOf: endOf('2026-11-30'), ...NOVEMBER };

describe('exceptionCategories', () => {
  const P = 'component:default/p';
  const Q = 'component:default/q';
  const exception = (
    id: number,
    category: string,
    entityRef: string,
    approved: string,
  ): WorldException => ({
    id,
    entityRef,
    category,
    approvedAt: t(approved),
    hasCompensatingControl: false,
    source: 'manual',
  });

  it('groups the exceptions approved in the month by category; twice or more is repeated', () => {
    const w = world(TIMES, {
      entities: [entity(P), entity(Q)],
      exceptions: [
        exception(1, 'compensated', P, '2026-11-02'),
        exception(2, 'compensated', Q, '2026-11-20'),
        // Twice on the same entity: repeated, one entity.
        exception(3, 'false-alarm', P, '2026-11-05'),
        exception(4, 'false-alarm', P, '2026-11-25'),
        exception(5, 'risk-accepted', Q, '2026-11-12'),
        // Approved in October: not this month's.
        exception(6, 'compensated', P, '2026-10-31T23:59:59Z'),
        // On an entity gone from the catalog.
        exception(7, 'compensated', 'component:default/gone', '2026-11-03'),
      ],
    });
    expect(exceptionCategories(contextOf(w), NOVEMBER)).toEqual([
      {
        category: 'compensated',
        exceptions: 2,
        entities: 2,
        repeated: true,
        entityRefs: [P, Q],
      },
      {
        category: 'false-alarm',
        exceptions: 2,
        entities: 1,
        repeated: true,
        entityRefs: [P],
      },
      {
        category: 'risk-accepted',
        exceptions: 1,
        entities: 1,
        repeated: false,
        entityRefs: [Q],
      },
    ]);
    // Scoped to Q: one of each of its two categories, nothing repeated.
    expect(
      exceptionCategories(contextOf(w, Q), NOVEMBER).map(c => [
        c.category,
        c.exceptions,
        c.repeated,
      ]),
    ).toEqual([
      ['compensated', 1, false],
      ['risk-accepted', 1, false],
    ]);
  });
});

describe('recurringFindingCategories', () => {
  const A1 = 'component:default/a1';
  const A2 = 'component:default/a2';
  const B1 = 'component:default/b1';
  const N1 = 'component:default/n1';
  const SA = 'system:default/s-a';
  const SB = 'system:default/s-b';
  const D1 = 'domain:default/d1';

  it('finds rules and CWEs open on two or more entities of one System, and of one Domain', () => {
    const w = world(TIMES, {
      entities: [
        entity(A1, { system: SA, domain: D1 }),
        entity(A2, { system: SA, domain: D1 }),
        entity(B1, { system: SB, domain: D1 }),
        entity(N1),
      ],
      findings: [
        finding(1, A1, '2026-10-01', { ruleId: 'R1', cwes: ['CWE-79'] }),
        // A CWE listed twice on one finding counts once.
        finding(2, A1, '2026-10-01', {
          ruleId: 'R2',
          cwes: ['CWE-89', 'CWE-89'],
        }),
        finding(3, A2, '2026-10-01', { ruleId: 'R1', cwes: ['CWE-79'] }),
        finding(4, A2, '2026-10-02', { ruleId: 'R1', cwes: ['CWE-79'] }),
        finding(5, B1, '2026-10-01', { ruleId: 'R1', cwes: ['CWE-89'] }),
        finding(6, B1, '2026-10-01', { ruleId: 'R3', cwes: ['CWE-79'] }),
        // No System or Domain: in neither grouping.
        finding(7, N1, '2026-10-01', { ruleId: 'R1', cwes: ['CWE-79'] }),
        // Not open: accepted, fixed.
        finding(8, A2, '2026-10-01', {
          ruleId: 'R2',
          cwes: ['CWE-89'],
          state: 'accepted',
          exceptionId: 1,
        }),
        finding(9, B1, '2026-10-01', {
          ruleId: 'R2',
          cwes: ['CWE-89'],
          state: 'fixed',
        }),
      ],
    });
    expect(recurringFindingCategories(contextOf(w))).toEqual({
      items: [
        {
          groupBy: 'system',
          group: SA,
          kind: 'rule',
          key: 'R1',
          entities: 2,
          findings: 3,
          entityRefs: [A1, A2],
        },
        {
          groupBy: 'system',
          group: SA,
          kind: 'cwe',
          key: 'CWE-79',
          entities: 2,
          findings: 3,
          entityRefs: [A1, A2],
        },
        {
          groupBy: 'domain',
          group: D1,
          kind: 'rule',
          key: 'R1',
          entities: 3,
          findings: 4,
          entityRefs: [A1, A2, B1],
        },
        {
          groupBy: 'domain',
          group: D1,
          kind: 'cwe',
          key: 'CWE-79',
          entities: 3,
          findings: 4,
          entityRefs: [A1, A2, B1],
        },
        {
          groupBy: 'domain',
          group: D1,
          kind: 'cwe',
          key: 'CWE-89',
          entities: 2,
          findings: 2,
          entityRefs: [A1, B1],
        },
      ],
      totals: {
        'system x rule': 1,
        'system x cwe': 1,
        'domain x rule': 1,
        'domain x cwe': 2,
      },
    });
  });

  it('lists at most 20 of each, most entities first', () => {
    // 25 rules on two entities of one System, rule-00 on three.
    const e = [1, 2, 3].map(i =>
      entity(`component:default/x${i}`, { system: 'system:default/x' }),
    );
    const findings = [];
    let id = 0;
    for (let r = 0; r < 25; r++) {
      const rule = `rule-${String(r).padStart(2, '0')}`;
      for (const x of r === 0 ? e : e.slice(0, 2)) {
        findings.push(
          finding(++id, x.entityRef, '2026-10-01', { ruleId: rule }),
        );
      }
    }
    const out = recurringFindingCategories(
      contextOf(world(TIMES, { entities: e, findings })),
    );
    expect(out.totals['system x rule']).toBe(25);
    expect(out.items).toHaveLength(20);
    expect(out.items[0]).toMatchObject({ key: 'rule-00', entities: 3 });
    expect(out.items[19].key).toBe('rule-19');
  });
});
