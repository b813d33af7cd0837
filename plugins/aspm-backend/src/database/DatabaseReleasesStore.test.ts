import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { ReleaseGate } from '@aspm/plugin-aspm-common';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';
import { DatabaseReleasesStore } from './DatabaseReleasesStore';
import { ReleaseEvaluator, ReleasePost } from './ReleasesStore';
import { createTestDatabases } from '../__testUtils__/databases';
import { releaseOutcome } from '../releases/releaseOutcome';
import { evaluateChecklist } from '../releases/evidence';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('DatabaseReleasesStore');

const ENTITY = 'component:default/payments-api';
const day = (d: number) => new Date(Date.UTC(2026, 9, d, 12));
const DIGEST = `sha256:${'12'.repeat(32)}`;

const evaluate: ReleaseEvaluator = all => ({
  ...releaseOutcome(all.gates),
  checklist: evaluateChecklist({
    required: ['sbom', 'gateDecision', 'approver'],
    ...all,
  }),
});

const gate = (
  type: ReleaseGate['type'],
  outcome: ReleaseGate['outcome'],
  attempt = 1,
): ReleaseGate => ({ type, outcome, attempt });

function post(patch: Partial<ReleasePost> = {}): ReleasePost {
  return {
    entityRef: ENTITY,
    version: '1.0.0',
    environment: 'production',
    artifactDigest: DIGEST,
    releasedAt: day(2),
    postedBy: 'external:ci',
    gates: [gate('sast', 'pass'), gate('sca', 'fail')],
    evidence: [],
    ...patch,
  };
}

describe.each(ids)('DatabaseReleasesStore on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseReleasesStore;
  let findings: DatabaseFindingsStore;

  const counts = async () => ({
    releases: Number((await knex('aspm_releases').count({ n: '*' }))[0].n),
    gates: Number((await knex('aspm_release_gates').count({ n: '*' }))[0].n),
    evidence: Number(
      (await knex('aspm_release_evidence').count({ n: '*' }))[0].n,
    ),
  });

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    store = new DatabaseReleasesStore(knex);
    findings = new DatabaseFindingsStore(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('merges re-runs and evidence into one candidate, re-evaluated; a replay changes nothing', async () => {
    const first = await store.upsertRelease(post(), evaluate, day(2));
    expect(first).toMatchObject({ created: true, changed: true });
    expect(first.release).toMatchObject({
      outcome: 'blocked',
      blockedBy: ['sca'],
      firstPass: false,
      evidenceComplete: false,
    });

    const rerun = await store.upsertRelease(
      post({
        releasedAt: day(3),
        gates: [gate('sca', 'pass', 2)],
        approvedBy: 'user:default/dana',
        evidence: [
          {
            kind: 'sbom',
            digest: `sha256:${'ab'.repeat(32)}`,
            sbom: {
              format: 'cyclonedx',
              specVersion: '1.5',
              componentCount: 7,
            },
          },
        ],
      }),
      evaluate,
      day(3),
    );
    expect(rerun).toMatchObject({ created: false, changed: true });
    expect(rerun.release).toMatchObject({
      id: first.release.id,
      outcome: 'passed-after-rerun',
      blockedBy: [],
      evidenceComplete: true,
      approvedBy: 'user:default/dana',
      releasedAt: day(3).toISOString(),
    });
    expect(rerun.release.gates).toEqual([
      { type: 'sast', outcome: 'pass', attempt: 1 },
      { type: 'sca', outcome: 'fail', attempt: 1 },
      { type: 'sca', outcome: 'pass', attempt: 2 },
    ]);
    expect(rerun.release.evidence[0].sbom?.componentCount).toBe(7);
    const after = await counts();
    expect(after).toEqual({ releases: 1, gates: 3, evidence: 1 });

    // The same posts again (the pipeline retried its upload): nothing changes.
    const replay = await store.upsertRelease(post(), evaluate, day(4));
    expect(replay.changed).toBe(false);
    expect(await counts()).toEqual(after);
  });

  it('refuses contradictions in one transaction: another artifact, a rewritten attempt', async () => {
    await store.upsertRelease(post(), evaluate, day(2));
    const before = await counts();
    await expect(
      store.upsertRelease(
        post({ artifactDigest: `sha256:${'99'.repeat(32)}` }),
        evaluate,
        day(3),
      ),
    ).rejects.toThrow(/cannot change its artifact/);
    await expect(
      store.upsertRelease(
        post({ gates: [gate('dast', 'pass'), gate('sca', 'pass')] }),
        evaluate,
        day(3),
      ),
    ).rejects.toThrow(/sca attempt 1 was recorded as fail/);
    // The new dast gate of the refused post was not kept either.
    expect(await counts()).toEqual(before);
  });

  it('lists with filters and paging, and gives verdicts for trends', async () => {
    await store.upsertRelease(post(), evaluate, day(2));
    await store.upsertRelease(
      post({
        version: '1.1.0',
        releasedAt: day(9),
        gates: [gate('sast', 'pass')],
      }),
      evaluate,
      day(9),
    );
    await store.upsertRelease(
      post({
        version: '1.1.0',
        environment: 'staging',
        releasedAt: day(8),
        gates: [],
      }),
      evaluate,
      day(8),
    );
    const all = await store.listReleases({
      orderBy: 'releasedAt',
      order: 'desc',
      limit: 2,
      offset: 0,
    });
    expect(all.totalCount).toBe(3);
    expect(all.items.map(r => [r.version, r.environment])).toEqual([
      ['1.1.0', 'production'],
      ['1.1.0', 'staging'],
    ]);
    const firstPass = await store.listReleases({
      firstPass: true,
      orderBy: 'releasedAt',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(firstPass.items.map(r => r.version)).toEqual(['1.1.0']);
    const ungated = await store.listReleases({
      outcome: ['ungated'],
      environment: ['staging'],
      orderBy: 'releasedAt',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(ungated.totalCount).toBe(1);
    const inWindow = await store.listReleases({
      from: day(5),
      to: day(9),
      orderBy: 'releasedAt',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(inWindow.items.map(r => r.environment)).toEqual(['staging']);
    const verdicts = await store.releaseVerdicts({
      entityRefs: [ENTITY],
      environment: ['production'],
      from: day(1),
    });
    expect(
      verdicts.map(v => [v.releasedAt.toISOString(), v.outcome, v.blockedBy]),
    ).toEqual(
      expect.arrayContaining([
        [day(2).toISOString(), 'blocked', ['sca']],
        [day(9).toISOString(), 'passed', []],
      ]),
    );
  });

  it('records rotations of secret findings once, with an event', async () => {
    await findings.ingest({
      source: 'push',
      format: 'gitleaks',
      entityRef: ENTITY,
      receivedAt: day(1),
      runs: [
        {
          tool: { name: 'Gitleaks' },
          scannedAt: day(1),
          findings: [
            {
              category: 'secret',
              ruleId: 'aws-access-token',
              title: 'AWS access key',
              severity: 'high',
              fingerprint: 'leak-1',
              properties: { validity: 'active', publiclyLeaked: true },
            },
          ],
        },
      ],
    });
    const [row] = await store.secretFindings({ entityRefs: [ENTITY] });
    expect(row).toMatchObject({
      entityRef: ENTITY,
      ruleId: 'aws-access-token',
      properties: { validity: 'active', publiclyLeaked: true },
    });
    expect(row.rotation).toBeUndefined();
    const rotation = { rotatedAt: day(3), rotatedBy: 'user:default/alice' };
    expect(await store.recordRotation(row.findingId, rotation, day(3))).toEqual(
      { changed: true },
    );
    expect(await store.recordRotation(row.findingId, rotation, day(4))).toEqual(
      { changed: false },
    );
    const [again] = await store.secretFindings();
    expect(again.rotation).toEqual({ ...rotation, note: undefined });
    const events = await knex('aspm_finding_events')
      .where({ finding_id: row.findingId, type: 'rotated' })
      .count({ n: '*' });
    expect(Number(events[0].n)).toBe(1);
  });

  it('migrates down and up again', async () => {
    await store.upsertRelease(post(), evaluate, day(2));
    const dir = path.resolve(__dirname, '../../migrations');
    // Down through the releases migration (later ones go first).
    while (
      (await knex.migrate.currentVersion({ directory: dir })) >=
      '20261126000000'
    ) {
      await knex.migrate.down({ directory: dir });
    }
    expect(await knex.schema.hasTable('aspm_releases')).toBe(false);
    expect(await knex.schema.hasTable('aspm_findings')).toBe(true);
    await knex.migrate.latest({ directory: dir });
    expect(await knex.schema.hasTable('aspm_secret_rotations')).toBe(true);
  });
});
