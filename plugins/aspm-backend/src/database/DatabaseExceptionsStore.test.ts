import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { ParsedFinding } from '@aspm/plugin-aspm-common';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';
import { DatabaseExceptionsStore } from './DatabaseExceptionsStore';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases('DatabaseExceptionsStore');

const ENTITY = 'component:default/payments-api';
const day = (d: number) => new Date(Date.UTC(2026, 9, d, 12));

const finding = (
  fingerprint: string,
  patch: Partial<ParsedFinding> = {},
): ParsedFinding => ({
  category: 'code',
  ruleId: `rule-${fingerprint}`,
  title: `Problem ${fingerprint}`,
  severity: 'high',
  fingerprint,
  ...patch,
});

describe.each(ids)('DatabaseExceptionsStore on %s', databaseId => {
  let knex: Knex;
  let findings: DatabaseFindingsStore;
  let store: DatabaseExceptionsStore;

  const scan = (at: Date, list: ParsedFinding[]) =>
    findings.ingest({
      source: 'push',
      format: 'sarif',
      entityRef: ENTITY,
      receivedAt: at,
      runs: [{ tool: { name: 'CodeQL' }, scannedAt: at, findings: list }],
    });
  const states = async () =>
    Object.fromEntries(
      (
        await knex('aspm_findings')
          .where({ entity_ref: ENTITY })
          .select('fingerprint', 'state', 'exception_id')
      ).map(r => [
        r.fingerprint,
        r.exception_id === null ? r.state : `${r.state}#${r.exception_id}`,
      ]),
    );
  const eventTypes = async (fingerprint: string) =>
    (
      await knex('aspm_finding_events as e')
        .join('aspm_findings as f', 'f.id', 'e.finding_id')
        .where('f.fingerprint', fingerprint)
        .orderBy('e.id')
        .select('e.type')
    ).map(r => r.type);

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    findings = new DatabaseFindingsStore(knex);
    store = new DatabaseExceptionsStore(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('accepts covered findings, including new ones a later scan brings, and expires on a controlled clock', async () => {
    await scan(day(1), [
      finding('a', { ruleId: 'js/sql-injection' }),
      finding('b', { cves: ['CVE-2026-1111'], category: 'dependency' }),
      finding('c'),
    ]);
    const id = await store.create({
      entityRef: ENTITY,
      scope: { type: 'rule', rule: 'CVE-2026-1111' },
      reason: 'Not reachable from any route',
      category: 'compensated',
      source: 'manual',
      status: 'requested',
      requestedBy: 'user:default/alice',
      requestedAt: day(2),
    });
    expect(await states()).toEqual({ a: 'open', b: 'open', c: 'open' });

    const approved = await store.transition({
      id,
      from: ['requested'],
      to: 'approved',
      event: 'approved',
      actor: 'user:default/sam',
      at: day(3),
      decided: true,
      expiresAt: day(20),
    });
    expect(approved).toMatchObject({ status: 'approved', coveredFindings: 1 });
    expect(await states()).toEqual({
      a: 'open',
      b: `accepted#${id}`,
      c: 'open',
    });

    // A transition from a status it is not in changes nothing.
    expect(
      await store.transition({
        id,
        from: ['requested'],
        to: 'rejected',
        event: 'rejected',
        actor: 'user:default/sam',
        at: day(4),
      }),
    ).toBeUndefined();

    // A category-wide exception approved on the entity, then a scan with a
    // new dependency finding: accepted at the scan's time.
    const cat = await store.create({
      entityRef: ENTITY,
      scope: { type: 'category', category: 'dependency' },
      reason: 'Dependency upgrades wait for the platform migration',
      category: 'platform-gap',
      source: 'manual',
      status: 'requested',
      requestedBy: 'user:default/bob',
      requestedAt: day(5),
    });
    await store.transition({
      id: cat,
      from: ['requested'],
      to: 'approved',
      event: 'approved',
      actor: 'user:default/sam',
      at: day(5),
      decided: true,
      expiresAt: day(10),
    });
    await scan(day(7), [
      finding('a', { ruleId: 'js/sql-injection' }),
      finding('b', { cves: ['CVE-2026-1111'], category: 'dependency' }),
      finding('d', { category: 'dependency', cves: ['CVE-2026-2222'] }),
    ]);
    // b keeps the narrower (rule) exception; d gets the category one; c fixed.
    expect(await states()).toEqual({
      a: 'open',
      b: `accepted#${id}`,
      c: 'fixed',
      d: `accepted#${cat}`,
    });
    expect(await eventTypes('d')).toEqual(['opened', 'accepted']);
    // Rescanning an accepted finding does not flap its state.
    expect(await eventTypes('b')).toEqual(['opened', 'accepted']);

    // Nothing is due before the expiry...
    expect(await store.expireDue(day(9))).toBe(0);
    // ...the category exception is due on day 11: d comes back, b stays.
    expect(await store.expireDue(day(11))).toBe(1);
    expect(await states()).toEqual({
      a: 'open',
      b: `accepted#${id}`,
      c: 'fixed',
      d: 'open',
    });
    expect(await eventTypes('d')).toEqual([
      'opened',
      'accepted',
      'exception_ended',
    ]);
    const expired = await store.get(cat);
    expect(expired?.status).toBe('expired');
    expect((await store.events(cat)).map(e => [e.type, e.actor])).toEqual([
      ['requested', 'user:default/bob'],
      ['approved', 'user:default/sam'],
      ['expired', 'system:expiry'],
    ]);
    // Running the job again changes nothing.
    expect(await store.expireDue(day(12))).toBe(0);
    expect(await store.expireDue(day(21))).toBe(1);
    expect((await states()).b).toBe('open');
  });

  it('imports by external id: a replay changes nothing, a change is audited', async () => {
    await scan(day(1), [finding('a'), finding('b')]);
    const [a, b] = await store.findingIdsByFingerprint(ENTITY, [
      { tool: 'CodeQL', fingerprint: 'a' },
      { tool: 'CodeQL', fingerprint: 'b' },
    ]);
    expect(a).toBeDefined();
    const item = {
      entityRef: ENTITY,
      scope: { type: 'findings' as const, findingIds: [a!] },
      findingIds: [a!],
      reason: "GitHub code scanning alert dismissed as won't fix",
      category: 'other',
      source: 'github' as const,
      externalId: 'github:acme/payments:code-scanning:7',
      status: 'approved' as const,
      requestedBy: 'github:octocat',
      requestedAt: day(2),
      decidedBy: 'github:octocat',
      decidedAt: day(2),
    };
    expect(
      await store.importExceptions(ENTITY, [item], 'source:github', day(3)),
    ).toEqual({ created: 1, updated: 0, unchanged: 0, retired: 0 });
    const tables = async () => ({
      exceptions: Number(
        (await knex('aspm_exceptions').count({ n: '*' }))[0].n,
      ),
      events: Number(
        (await knex('aspm_exception_events').count({ n: '*' }))[0].n,
      ),
      findingEvents: Number(
        (await knex('aspm_finding_events').count({ n: '*' }))[0].n,
      ),
    });
    const after = await tables();
    expect((await states()).a).toMatch(/^accepted#/);
    expect(
      await store.importExceptions(ENTITY, [item], 'source:github', day(4)),
    ).toEqual({ created: 0, updated: 0, unchanged: 1, retired: 0 });
    expect(await tables()).toEqual(after);

    // Dismissed for another alert too, and the first one reopened in GitHub.
    expect(
      await store.importExceptions(
        ENTITY,
        [
          { ...item, status: 'revoked' },
          {
            ...item,
            externalId: 'github:acme/payments:code-scanning:8',
            scope: { type: 'findings', findingIds: [b!] },
            findingIds: [b!],
          },
        ],
        'source:github',
        day(5),
      ),
    ).toEqual({ created: 1, updated: 1, unchanged: 0, retired: 0 });
    const s = await states();
    expect(s.a).toBe('open');
    expect(s.b).toMatch(/^accepted#/);
    const list = await store.list({
      source: ['github'],
      orderBy: 'requestedAt',
      order: 'asc',
      limit: 10,
      offset: 0,
      now: day(6),
      noReviewDate: true,
    });
    expect(list.totalCount).toBe(2);
    expect(list.items.map(e => e.status).sort()).toEqual([
      'approved',
      'revoked',
    ]);
  });

  it('retires, on a complete batch, live imports the source no longer lists, and only those', async () => {
    await scan(day(1), [finding('a'), finding('b')]);
    const [a, b] = await store.findingIdsByFingerprint(ENTITY, [
      { tool: 'CodeQL', fingerprint: 'a' },
      { tool: 'CodeQL', fingerprint: 'b' },
    ]);
    const item = (n: number, findingId: number) => ({
      entityRef: ENTITY,
      scope: { type: 'findings' as const, findingIds: [findingId] },
      findingIds: [findingId],
      reason: 'Risk accepted in DefectDojo',
      category: 'other',
      source: 'defectdojo' as const,
      externalId: `defectdojo:risk_acceptance:${n}`,
      status: 'approved' as const,
      requestedBy: 'defectdojo:admin',
      requestedAt: day(2),
      decidedBy: 'defectdojo:admin',
      decidedAt: day(2),
      expiresAt: day(60),
    });
    await store.importExceptions(
      ENTITY,
      [item(1, a!), item(2, b!)],
      'source:defectdojo',
      day(3),
      { complete: true, source: 'defectdojo' },
    );
    // A manual exception of the same entity is never touched by an import.
    const manual = await store.create({
      entityRef: ENTITY,
      scope: { type: 'rule', rule: 'js/xss' },
      reason: 'Template escaping is done by the framework',
      category: 'compensated',
      source: 'manual',
      status: 'requested',
      requestedBy: 'user:default/alice',
      requestedAt: day(3),
    });
    expect((await states()).b).toMatch(/^accepted#/);

    // A partial batch without acceptance 2 retires nothing.
    expect(
      await store.importExceptions(
        ENTITY,
        [item(1, a!)],
        'source:defectdojo',
        day(4),
      ),
    ).toEqual({ created: 0, updated: 0, unchanged: 1, retired: 0 });
    expect((await states()).b).toMatch(/^accepted#/);

    // The complete listing no longer has acceptance 2: deleted in DefectDojo.
    expect(
      await store.importExceptions(
        ENTITY,
        [item(1, a!)],
        'source:defectdojo',
        day(5),
        { complete: true, source: 'defectdojo' },
      ),
    ).toEqual({ created: 0, updated: 0, unchanged: 1, retired: 1 });
    const s = await states();
    expect(s.a).toMatch(/^accepted#/);
    expect(s.b).toBe('open');
    const retired = await knex('aspm_exceptions')
      .where({ external_id: 'defectdojo:risk_acceptance:2' })
      .first();
    expect(retired.status).toBe('revoked');
    expect(
      (await store.events(Number(retired.id))).map(e => [e.type, e.note]),
    ).toContainEqual(['revoked', 'no longer in defectdojo: withdrawn there']);
    expect((await store.get(manual))?.status).toBe('requested');

    // An empty complete listing retires the rest; a replay retires nothing more.
    const empty = { complete: true, source: 'defectdojo' };
    expect(
      (
        await store.importExceptions(
          ENTITY,
          [],
          'source:defectdojo',
          day(6),
          empty,
        )
      ).retired,
    ).toBe(1);
    expect(
      (
        await store.importExceptions(
          ENTITY,
          [],
          'source:defectdojo',
          day(7),
          empty,
        )
      ).retired,
    ).toBe(0);
    expect((await states()).a).toBe('open');
  });

  it('undoes the migration: findings accepted through exceptions go back to what the scan said', async () => {
    await scan(day(1), [finding('a')]);
    const id = await store.create({
      entityRef: ENTITY,
      scope: { type: 'entity' },
      reason: 'Whole service is being decommissioned',
      category: 'other',
      source: 'manual',
      status: 'requested',
      requestedBy: 'user:default/alice',
      requestedAt: day(1),
    });
    await store.transition({
      id,
      from: ['requested'],
      to: 'approved',
      event: 'approved',
      actor: 'user:default/sam',
      at: day(2),
      decided: true,
      expiresAt: day(30),
    });
    expect((await states()).a).toBe(`accepted#${id}`);
    // Down to (and including) the exceptions migration, whatever came after.
    const directory = require('node:path').resolve(
      __dirname,
      '../../migrations',
    );
    while (await knex.schema.hasTable('aspm_exceptions')) {
      await knex.migrate.down({ directory });
    }
    const [row] = await knex('aspm_findings').select('state');
    expect(row.state).toBe('open');
    expect(await knex.schema.hasTable('aspm_exceptions')).toBe(false);
  });
});
