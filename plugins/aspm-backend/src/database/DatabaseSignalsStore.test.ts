import { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseSignalsStore } from './DatabaseSignalsStore';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('DatabaseSignalsStore');

const A = 'component:default/a';
const B = 'component:default/b';
const d = (iso: string) => new Date(iso);

describe.each(ids)('DatabaseSignalsStore on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseSignalsStore;
  const now = d('2026-11-20T10:00:00Z');
  const count = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    store = new DatabaseSignalsStore(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('migrates down and up again', async () => {
    const dir = require('node:path').resolve(__dirname, '../../migrations');
    while (
      (await knex.migrate.currentVersion({ directory: dir })) >=
      '20261201120000'
    ) {
      await knex.migrate.down({ directory: dir });
    }
    for (const table of [
      'aspm_reviews',
      'aspm_deployments',
      'aspm_scorecard_runs',
    ]) {
      expect([table, await knex.schema.hasTable(table)]).toEqual([
        table,
        false,
      ]);
    }
    expect(await knex.schema.hasColumn('aspm_entities', 'golden_path')).toBe(
      false,
    );
    expect(await knex.schema.hasTable('aspm_metric_snapshots')).toBe(true);
    await knex.migrate.latest({ directory: dir });
    expect(await knex.schema.hasTable('aspm_incident_actions')).toBe(true);
    expect(await knex.schema.hasColumn('aspm_entities', 'golden_path')).toBe(
      true,
    );
  });

  const review = {
    entityRef: A,
    kind: 'threat-model' as const,
    source: 'jira',
    externalId: 'SEC-1',
    requestedAt: d('2026-11-01T09:00:00Z'),
  };

  it('creates a review, ignores a replay, and updates it when its times change', async () => {
    const first = await store.upsertReview(review, now);
    expect(first).toMatchObject({ created: true, changed: true });
    expect(first.value.requestedAt).toBe('2026-11-01T09:00:00.000Z');

    const replay = await store.upsertReview(review, d('2026-11-21T00:00:00Z'));
    expect(replay).toMatchObject({ created: false, changed: false });
    expect(replay.value.updatedAt).toBe(first.value.updatedAt);

    const answered = await store.upsertReview(
      {
        ...review,
        firstResponseAt: d('2026-11-03T10:00:00Z'),
        completedAt: d('2026-11-10T10:00:00Z'),
        outcome: 'approved',
      },
      d('2026-11-22T00:00:00Z'),
    );
    expect(answered).toMatchObject({ created: false, changed: true });
    expect(answered.value.id).toBe(first.value.id);
    expect(answered.value.outcome).toBe('approved');
    expect(await count('aspm_reviews')).toBe(1);

    await store.upsertReview(
      { ...review, externalId: 'SEC-2', entityRef: B },
      now,
    );
    const waiting = await store.listReviews({
      waiting: true,
      limit: 10,
      offset: 0,
    });
    expect(waiting.items.map(r => r.externalId)).toEqual(['SEC-2']);
    const onA = await store.listReviews({
      entityRefs: [A],
      limit: 10,
      offset: 0,
    });
    expect(onA.totalCount).toBe(1);
  });

  it('upserts an incident and its actions, counting created, updated and unchanged', async () => {
    const record = {
      incident: {
        id: 'INC-7',
        severity: 'sev1' as const,
        securityRelated: true,
        openedAt: d('2026-11-01T00:00:00Z'),
      },
      actions: [
        {
          externalId: 'A1',
          title: 'Rotate the leaked key',
          ownerEntityRef: A,
          createdAt: d('2026-11-02T00:00:00Z'),
          dueAt: d('2026-11-09T00:00:00Z'),
        },
        {
          externalId: 'A2',
          title: 'Add a WAF rule',
          ownerEntityRef: B,
          createdAt: d('2026-11-02T00:00:00Z'),
        },
      ],
    };
    const first = await store.upsertIncidentActions('INC-7', record, now);
    expect([first.created, first.updated, first.unchanged]).toEqual([2, 0, 0]);
    expect(first.incident).toMatchObject({
      id: 'INC-7',
      severity: 'sev1',
      securityRelated: true,
    });

    const replay = await store.upsertIncidentActions('INC-7', record, now);
    expect([replay.created, replay.updated, replay.unchanged]).toEqual([
      0, 0, 2,
    ]);

    const closed = await store.upsertIncidentActions(
      'INC-7',
      {
        ...record,
        actions: [
          { ...record.actions[0], closedAt: d('2026-11-05T00:00:00Z') },
        ],
      },
      now,
    );
    expect([closed.created, closed.updated, closed.unchanged]).toEqual([
      0, 1, 0,
    ]);
    expect(closed.actions).toHaveLength(1);
    expect(closed.actions[0].closedAt).toBe('2026-11-05T00:00:00.000Z');
    expect(await count('aspm_incident_actions')).toBe(2);

    const open = await store.listIncidentActions({
      open: true,
      limit: 10,
      offset: 0,
    });
    expect(open.items.map(a => a.externalId)).toEqual(['A2']);
    expect(open.items[0].incident.securityRelated).toBe(true);
  });

  it('records deploys, marks a later failure, and says whether the release controls were used', async () => {
    // A release candidate that passed its gates with complete evidence.
    await knex('aspm_releases').insert({
      entity_ref: A,
      version: '1.2.0',
      environment: 'production',
      released_at: '2026-11-01T08:00:00.000Z',
      posted_by: 'ci',
      first_pass: true,
      outcome: 'passed',
      evidence_complete: true,
      checklist: '[]',
      created_at: '2026-11-01T08:00:00.000Z',
      updated_at: '2026-11-01T08:00:00.000Z',
    });
    const deploy = {
      entityRef: A,
      environment: 'production',
      version: '1.2.0',
      deployedAt: d('2026-11-01T09:00:00Z'),
      firstCommitAt: d('2026-10-30T09:00:00Z'),
      source: 'ci',
      externalId: 'deploy-1',
    };
    const first = await store.upsertDeployment(deploy, now);
    expect(first).toMatchObject({ created: true, changed: true });
    expect(first.value.usedReleaseControls).toBe(true);
    expect(first.value.releaseId).toEqual(expect.any(Number));

    const replay = await store.upsertDeployment(deploy, now);
    expect(replay.changed).toBe(false);

    const failed = await store.upsertDeployment(
      {
        ...deploy,
        failedAt: d('2026-11-01T12:00:00Z'),
        causedByControlGap: false,
        restoredAt: d('2026-11-01T13:30:00Z'),
      },
      now,
    );
    expect(failed).toMatchObject({ created: false, changed: true });
    expect(failed.value.failedAt).toBe('2026-11-01T12:00:00.000Z');

    // Another version without a candidate: no release controls.
    const other = await store.upsertDeployment(
      { ...deploy, version: '1.3.0', externalId: 'deploy-2' },
      now,
    );
    expect(other.value.usedReleaseControls).toBe(false);
    expect(other.value.releaseId).toBeUndefined();

    const list = await store.listDeployments({
      failed: true,
      limit: 10,
      offset: 0,
    });
    expect(list.items.map(x => x.externalId)).toEqual(['deploy-1']);
    expect(await count('aspm_deployments')).toBe(2);
  });

  it('stores Scorecard runs once, keeps their history, and gives each entity its latest run as of a date', async () => {
    const run = (day: string, branch: number, hash: string) => ({
      entityRef: A,
      repository: 'github.com/acme/a',
      scannedAt: d(`${day}T00:00:00Z`),
      checks: [
        { name: 'Branch-Protection', score: branch },
        { name: 'Token-Permissions', score: 10, reason: 'least privilege' },
      ],
      contentHash: hash,
    });
    const first = await store.saveScorecardRun(run('2026-10-01', 3, 'h1'), now);
    expect(first.replayOf).toBeUndefined();
    const again = await store.saveScorecardRun(run('2026-10-01', 3, 'h1'), now);
    expect(again.replayOf).toBe(first.run.id);
    await store.saveScorecardRun(run('2026-11-01', 9, 'h2'), now);
    expect(await count('aspm_scorecard_runs')).toBe(2);
    expect(await count('aspm_scorecard_checks')).toBe(4);

    const history = await store.listScorecardRuns({
      entityRefs: [A],
      limit: 10,
      offset: 0,
    });
    expect(history.items.map(r => r.checks[0].score)).toEqual([9, 3]);

    const at = (iso: string, maxAgeDays = 90) =>
      store.signalsAsOf({
        asOf: Date.parse(iso),
        since: Date.parse('2026-01-01'),
        scorecardSince: Date.parse(iso) - maxAgeDays * 86_400_000,
      });
    expect((await at('2026-10-15')).scorecards).toEqual([
      {
        entityRef: A,
        at: Date.parse('2026-10-01'),
        checks: { 'Branch-Protection': 3, 'Token-Permissions': 10 },
      },
    ]);
    expect(
      (await at('2026-11-15')).scorecards[0].checks['Branch-Protection'],
    ).toBe(9);
    // Older than the look-back: no current run.
    expect((await at('2026-10-15', 10)).scorecards).toEqual([]);

    // Several instants from one read answer as each alone.
    const instants = (
      [
        ['2026-10-15', 90],
        ['2026-11-15', 90],
        ['2026-10-15', 10],
      ] as const
    ).map(([iso, days]) => ({
      asOf: Date.parse(iso),
      since: Date.parse('2026-01-01'),
      scorecardSince: Date.parse(iso) - days * 86_400_000,
    }));
    const each = await store.signalsAsOfEach(instants);
    const alone = [];
    for (const o of instants) alone.push(await store.signalsAsOf(o));
    expect(each).toEqual(alone);
    expect(each[0].scorecards).not.toEqual(each[1].scorecards);
  });
});
