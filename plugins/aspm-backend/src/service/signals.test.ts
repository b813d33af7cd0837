import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';
import { realFixturesDir } from '../__testUtils__/sharedFixtures';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
const sampleScorecard = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../signals/__fixtures__/scorecard-sample.json'),
    'utf8',
  ),
);
// Dated a month back, so it is the entity's current run whenever this runs.
const SCORECARD_DAY = new Date(Date.now() - 30 * 86_400_000)
  .toISOString()
  .slice(0, 10);
const ownScorecard = JSON.stringify({
  ...sampleScorecard,
  date: SCORECARD_DAY,
});
const real = realFixturesDir('program signals API');
const describeReal = real ? describe : describe.skip;

const ENTITY = 'component:default/payments-api'; // tier 1, internet
const OTHER = 'component:default/ledger-service';
const CI = mockCredentials.service.header();
const ALICE = mockCredentials.user.header('user:default/alice');

const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toISOString();

describe('program signals: /reviews, /incidents, /deployments, Scorecard through /ingest', () => {
  let backend: TestBackend;

  const get = (url: string, auth = ALICE) =>
    request(backend.server).get(url).set('Authorization', auth);
  const post = (url: string, body: unknown, auth = CI) =>
    request(backend.server)
      .post(url)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : (body as object));
  const total = async (url: string) =>
    (await get(`${url}${url.includes('?') ? '&' : '?'}limit=1`)).body
      .totalCount as number;

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
    }));
    await post('/api/aspm/catalog-sync', {}, ALICE);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('refuses anonymous callers', async () => {
    const none = mockCredentials.none.header();
    const body = {
      entityRef: ENTITY,
      kind: 'threat-model',
      requestedAt: daysAgo(3),
    };
    expect((await post('/api/aspm/reviews', body, none)).status).toBe(401);
    expect((await get('/api/aspm/reviews', none)).status).toBe(401);
    expect((await get('/api/aspm/deployments', none)).status).toBe(401);
    expect(await total('/api/aspm/reviews')).toBe(0);
  });

  it('stores a review; a replay changes nothing; a first response updates it', async () => {
    const body = {
      entityRef: ENTITY,
      kind: 'threat-model',
      source: 'jira',
      externalId: 'SEC-101',
      title: 'Threat model for the card vault',
      requestedAt: daysAgo(10),
    };
    const first = await post('/api/aspm/reviews', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      entityRef: ENTITY,
      kind: 'threat-model',
      externalId: 'SEC-101',
      created: true,
      changed: true,
    });
    const replay = await post('/api/aspm/reviews', body);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ created: false, changed: false });
    expect(
      (await get('/api/aspm/reviews?waiting=true')).body.items.map(
        (r: any) => r.externalId,
      ),
    ).toEqual(['SEC-101']);

    const answered = await post('/api/aspm/reviews', {
      ...body,
      firstResponseAt: daysAgo(8),
    });
    expect(answered.body).toMatchObject({ id: first.body.id, changed: true });
    expect(await total('/api/aspm/reviews?waiting=true')).toBe(0);
    expect(await total('/api/aspm/reviews')).toBe(1);
  });

  it('refuses bad reviews with a message naming the problem, and stores nothing', async () => {
    const before = await total('/api/aspm/reviews');
    const cases: Array<[unknown, number, string]> = [
      [
        { entityRef: ENTITY, kind: 'audit', requestedAt: daysAgo(1) },
        400,
        "'kind': must be one of design-review, threat-model, pentest",
      ],
      [
        {
          entityRef: ENTITY,
          kind: 'pentest',
          requestedAt: daysAgo(1),
          completedAt: daysAgo(2),
        },
        400,
        "'completedAt': must not be before requestedAt",
      ],
      [
        {
          entityRef: ENTITY,
          kind: 'pentest',
          requestedAt: daysAgo(1),
          outcome: 'approved',
        },
        400,
        'an outcome needs the time the review was completed',
      ],
      [
        { entityRef: ENTITY, kind: 'pentest', requestedAt: daysAgo(-3) },
        400,
        'body.requestedAt',
      ],
      [
        {
          entityRef: 'component:default/nope',
          kind: 'pentest',
          requestedAt: daysAgo(1),
        },
        400,
        'no entity component:default/nope in the catalog',
      ],
      [
        { entityRef: ENTITY, kind: 'pentest', requestedAt: 'yesterday' },
        400,
        "'requestedAt': must be a date",
      ],
      [
        {
          entityRef: ENTITY,
          kind: 'pentest',
          requestedAt: daysAgo(1),
          extra: 1,
        },
        400,
        "unknown body parameter 'extra'",
      ],
      ['{"entityRef": "component:default/pay', 400, ''],
      [[1, 2, 3], 400, 'Invalid body'],
    ];
    for (const [body, status, message] of cases) {
      const res = await post('/api/aspm/reviews', body);
      expect([JSON.stringify(body).slice(0, 60), res.status]).toEqual([
        JSON.stringify(body).slice(0, 60),
        status,
      ]);
      expect(res.body.error.message).toContain(message);
    }
    expect(await total('/api/aspm/reviews')).toBe(before);
  });

  it('stores incident follow-up actions, updates one when it is closed, and refuses unknown owners whole', async () => {
    const body = {
      incident: {
        title: 'Card data exposed in logs',
        severity: 'sev1',
        securityRelated: true,
        openedAt: daysAgo(20),
        link: 'https://incidents.example.com/INC-42',
      },
      actions: [
        {
          id: 'INC-42-1',
          title: 'Scrub card numbers from logs',
          ownerEntityRef: ENTITY,
          createdAt: daysAgo(19),
          dueAt: daysAgo(5),
        },
        {
          id: 'INC-42-2',
          title: 'Add a log redaction test',
          ownerEntityRef: OTHER,
          createdAt: daysAgo(19),
        },
      ],
    };
    const first = await post('/api/aspm/incidents/INC-42/actions', body);
    expect(first.status).toBe(201);
    expect([first.body.created, first.body.updated]).toEqual([2, 0]);
    const replay = await post('/api/aspm/incidents/INC-42/actions', body);
    expect(replay.status).toBe(200);
    expect(replay.body.unchanged).toBe(2);

    const closing = await post('/api/aspm/incidents/INC-42/actions', {
      ...body,
      actions: [{ ...body.actions[0], closedAt: daysAgo(2) }],
    });
    expect(closing.body.updated).toBe(1);
    expect(await total('/api/aspm/incident-actions?open=true')).toBe(1);

    const bad = await post('/api/aspm/incidents/INC-43/actions', {
      ...body,
      actions: [
        { ...body.actions[0], id: 'X-1' },
        {
          ...body.actions[1],
          id: 'X-2',
          ownerEntityRef: 'component:default/gone',
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'body.actions.1.ownerEntityRef: no entity component:default/gone',
    );
    const twice = await post('/api/aspm/incidents/INC-43/actions', {
      ...body,
      actions: [body.actions[0], body.actions[0]],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('is listed twice');
    expect((await post('/api/aspm/incidents/a%20b/actions', body)).status).toBe(
      400,
    );
    expect(await total('/api/aspm/incident-actions?incidentId=INC-43')).toBe(0);
  });

  it('records a deploy and, in a later post, its failure and restore', async () => {
    const deploy = {
      entityRef: ENTITY,
      environment: 'production',
      version: '9.9.0',
      deployedAt: daysAgo(4),
      firstCommitAt: daysAgo(6),
      externalId: 'run-9001',
    };
    const first = await post('/api/aspm/deployments', deploy);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      usedReleaseControls: false,
      source: 'ci',
      created: true,
    });
    const failed = await post('/api/aspm/deployments', {
      ...deploy,
      failedAt: daysAgo(3.9),
      causedByControlGap: true,
      restoredAt: daysAgo(3.8),
    });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      id: first.body.id,
      causedByControlGap: true,
      changed: true,
    });
    expect(await total('/api/aspm/deployments?failed=true')).toBe(1);

    const bad = await post('/api/aspm/deployments', {
      ...deploy,
      externalId: 'run-9002',
      restoredAt: daysAgo(1),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'a restore needs the failure it ended (failedAt)',
    );
    expect(await total('/api/aspm/deployments')).toBe(1);
  });

  it('takes an OpenSSF Scorecard result through /ingest, recognises a replay, and refuses a malformed one', async () => {
    const url = `/api/aspm/ingest?entityRef=${ENTITY}`;
    const first = await post(url, ownScorecard);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      format: 'scorecard',
      entityRef: ENTITY,
      run: {
        repository: 'github.com/acme/payments-api',
        scorecardVersion: 'v5.0.0',
        score: 7.4,
        scannedAt: `${SCORECARD_DAY}T00:00:00.000Z`,
      },
    });
    expect(first.body.run.checks).toHaveLength(5);
    expect(first.body.replayOf).toBeUndefined();
    const replay = await post(url, ownScorecard);
    expect(replay.body.replayOf).toBe(first.body.run.id);

    const doc = JSON.parse(ownScorecard);
    doc.checks[1].score = 11;
    const bad = await post(url, JSON.stringify(doc));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid OpenSSF Scorecard result: checks.1.score: must be from -1 (inconclusive) to 10',
    );
    const runs = await get(`/api/aspm/scorecards?entityRef=${ENTITY}`);
    expect(runs.body.totalCount).toBe(1);
    // Not findings: the ingestion log has no scan for it.
    const findings = await get(
      `/api/aspm/findings?entityRef=${ENTITY}&limit=1`,
    );
    expect(findings.body.totalCount).toBe(0);
  });

  it('answers the program-signal metrics with items behind their numbers', async () => {
    const res = await get(
      `/api/aspm/metrics?set=program&scope=${encodeURIComponent(ENTITY)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.metrics.map((m: any) => m.id)).toEqual([
      'review_first_response_time',
      'reviews_waiting',
      'threat_model_coverage',
      'incident_actions_aging',
      'repo_protection_coverage',
      'golden_path_adoption',
      'exception_decision_time',
      'deployment_frequency',
      'lead_time_for_changes',
      'change_failure_rate',
      'time_to_restore',
    ]);
    const byId = Object.fromEntries(
      res.body.metrics.map((m: any) => [m.id, m]),
    );
    // payments-api: Pinned-Dependencies 6 < 8 in its Scorecard run
    expect(byId.repo_protection_coverage).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    const detail = await get(
      `/api/aspm/metrics/repo_protection_coverage?scope=${encodeURIComponent(
        ENTITY,
      )}`,
    );
    expect(detail.body.items[0].note).toBe('Pinned-Dependencies 6/10');
    // The incident action still open on payments-api (created 19 days ago)
    expect(byId.incident_actions_aging.details.open).toBe(0);
    const other = await get(
      `/api/aspm/metrics/incident_actions_aging?scope=${encodeURIComponent(
        OTHER,
      )}`,
    );
    expect(other.body.metric.details.open).toBe(1);
    expect(other.body.items.map((i: any) => i.label)).toEqual([
      'INC-42: Add a log redaction test',
    ]);
    expect(byId.change_failure_rate).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(
      (await get('/api/aspm/metrics?set=nope')).body.error.message,
    ).toContain("'set': must be one of director, program, all");
  });

  describeReal('real OpenSSF Scorecard results', () => {
    it.each([
      'scorecard-result-oidc-test.json',
      'scorecard-v4.3.1-result.json',
    ])('%s: every check stored with its score', async file => {
      const text = fs.readFileSync(path.join(real!, 'scorecard', file), 'utf8');
      const doc = JSON.parse(text);
      const res = await post(`/api/aspm/ingest?entityRef=${OTHER}`, text);
      expect(res.status).toBe(200);
      expect(res.body.run.repository).toBe(doc.repo.name);
      expect(res.body.run.checks).toHaveLength(doc.checks.length);
      const scores = Object.fromEntries(
        res.body.run.checks.map((c: any) => [c.name, c.score]),
      );
      for (const c of doc.checks) expect(scores[c.name]).toBe(c.score);
    });
  });
});
