/*
 * A scan evaluates exception coverage only for the findings it writes
 * (coverageAfterScan). That is right only if, after every scan, a full
 * recompute of the entity (recomputeCoverage, what every exception change
 * runs) would change nothing. This drives a seeded sequence of scans by three
 * tools, exceptions of every scope, lapses the expiry job has not caught yet,
 * and expiry runs, and checks exactly that after each scan, on every engine.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  ExceptionScope,
  FindingCategory,
  ParsedFinding,
} from '@aspm/plugin-aspm-common';
import { seededRandom } from '../demo/random';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseExceptionsStore } from './DatabaseExceptionsStore';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';
import { ExceptionsStore } from './ExceptionsStore';
import { recomputeCoverage } from './recomputeCoverage';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases('coverageAfterScan');

const ENTITY = 'component:default/payments-api';
const DAY = 86_400_000;
const START = Date.UTC(2026, 5, 1, 12);
const TOOLS = ['CodeQL', 'Trivy', 'Gitleaks'];
const CATEGORIES: FindingCategory[] = ['code', 'dependency', 'secret'];
const RULES = ['rule-a', 'rule-b', 'rule-c', 'rule-d'];
const CVES = ['CVE-2026-0001', 'CVE-2026-0002'];

/** A finding of a tool, its fields drawn so rules and categories overlap. */
function finding(
  tool: number,
  n: number,
  rnd: () => number,
  drift: boolean,
): ParsedFinding {
  const rule = RULES[(n + (drift && rnd() < 0.3 ? 1 : 0)) % RULES.length];
  return {
    category: CATEGORIES[(tool + n) % CATEGORIES.length],
    ruleId: rule,
    title: `Problem ${n}`,
    severity: drift && rnd() < 0.2 ? 'critical' : 'high',
    fingerprint: `${TOOLS[tool]}-${n}`,
    ...(n % 3 === 0 ? { cves: [CVES[n % 2]] } : {}),
    ...(rnd() < 0.05
      ? {
          suppression: {
            kind: 'external' as const,
            state:
              rnd() < 0.5 ? ('accepted' as const) : ('false_positive' as const),
            justification: 'tool says so',
          },
        }
      : {}),
  };
}

describe.each(ids)('coverage after a scan on %s', databaseId => {
  let knex: Knex;
  let findings: DatabaseFindingsStore;
  let exceptions: ExceptionsStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    findings = new DatabaseFindingsStore(knex);
    exceptions = new DatabaseExceptionsStore(knex);
  });

  const states = async (db: Knex = knex) =>
    (
      await db('aspm_findings')
        .where({ entity_ref: ENTITY })
        .orderBy('id')
        .select('id', 'state', 'exception_id')
    ).map(r => `${r.id}:${r.state}:${r.exception_id ?? '-'}`);

  it('leaves nothing for a full recompute to change, scan after scan', async () => {
    const rnd = seededRandom('coverage after a scan');
    let ingests = 0;
    let created = 0;
    for (let step = 0; step < 60; step++) {
      const at = new Date(START + step * DAY);
      const roll = rnd();
      if (roll < 0.25 && step > 3) {
        // An exception of a random scope, approved now, lapsing in 1-12 days.
        const open = await knex('aspm_findings')
          .where({ entity_ref: ENTITY })
          .whereIn('state', ['open', 'accepted'])
          .select('id');
        const kind = Math.floor(rnd() * 4);
        const scopes: Array<() => ExceptionScope> = [
          () => ({
            type: 'findings',
            findingIds: open
              .filter(() => rnd() < 0.3)
              .map(r => Number(r.id))
              .slice(0, 4),
          }),
          () => ({ type: 'rule', rule: rnd() < 0.5 ? 'RULE-B' : CVES[1] }),
          () => ({ type: 'category', category: CATEGORIES[step % 3] }),
          () => ({ type: 'entity' }),
        ];
        const scope = scopes[kind]();
        if (scope.type === 'findings' && !scope.findingIds.length) continue;
        await exceptions.create({
          entityRef: ENTITY,
          scope,
          reason: 'planned',
          category: 'risk_accepted',
          source: 'manual',
          status: 'approved',
          requestedBy: 'user:default/dev',
          requestedAt: at,
          decidedBy: 'user:default/lead',
          decidedAt: at,
          expiresAt: new Date(
            at.getTime() + (1 + Math.floor(rnd() * 12)) * DAY,
          ),
        });
        created += 1;
        continue;
      }
      if (roll < 0.32) {
        // The expiry job, now and then: lapses wait for it in between.
        await exceptions.expireDue(at);
        continue;
      }
      // A scan by one tool: most of its findings, some new, some gone, some
      // with drifted fields (updates), some back (reopens).
      const tool = Math.floor(rnd() * TOOLS.length);
      const present = Array.from({ length: 14 }, (_, n) => n).filter(
        n => rnd() < (n < 8 ? 0.85 : 0.4),
      );
      await findings.ingest({
        source: 'push',
        format: 'sarif',
        entityRef: ENTITY,
        receivedAt: at,
        runs: [
          {
            tool: { name: TOOLS[tool] },
            scannedAt: at,
            findings: present.map(n => finding(tool, n, rnd, step > 10)),
          },
        ],
      });
      ingests += 1;

      const before = await states();
      // A full recompute, looked at and rolled back.
      const tx = await knex.transaction();
      let changed: number;
      let after: string[];
      try {
        changed = await recomputeCoverage(tx, ENTITY, at);
        after = await states(tx);
      } finally {
        await tx.rollback();
      }
      expect({ step, changed, after }).toEqual({
        step,
        changed: 0,
        after: before,
      });
    }
    // The sequence exercised what it claims to.
    expect(ingests).toBeGreaterThan(30);
    expect(created).toBeGreaterThan(8);
    // Coverage at a scan's time: accepted as a scan brought the finding (new
    // or back), and ended because an exception lapsed before the expiry job
    // saw it (the full-recompute path).
    const atScans = async (type: string) => {
      const [{ n }] = await knex('aspm_finding_events as e')
        .join('aspm_findings as f', 'f.id', 'e.finding_id')
        .whereIn(
          'e.at',
          knex('aspm_scans').where({ entity_ref: ENTITY }).select('scanned_at'),
        )
        .where({ 'e.type': type, 'f.entity_ref': ENTITY })
        .count({ n: '*' });
      return Number(n);
    };
    expect(await atScans('accepted')).toBeGreaterThan(0);
    expect(await atScans('exception_ended')).toBeGreaterThan(0);
  });
});
