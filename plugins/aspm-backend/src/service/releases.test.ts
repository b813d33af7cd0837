import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';
import { realFixturesDir } from '../__testUtils__/sharedFixtures';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
const evidenceFixtures = path.resolve(
  __dirname,
  '../releases/evidence/__fixtures__',
);
const parserFixtures = path.resolve(
  __dirname,
  '../ingest/parsers/__fixtures__',
);
const real = realFixturesDir('releases API');
const describeReal = real ? describe : describe.skip;

const ENTITY = 'component:default/payments-api'; // tier 1
const OTHER = 'component:default/ledger-service';
const CI = mockCredentials.service.header(); // subject external:test-service
const ALICE = mockCredentials.user.header('user:default/alice');

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const ownStatement = readJson(
  path.join(evidenceFixtures, 'intoto-v1-statement.json'),
);
const OWN_DIGEST = `sha256:${ownStatement.subject[0].digest.sha256}`;
const ownSbom = readJson(
  path.join(evidenceFixtures, 'cyclonedx-1.5-nested.json'),
);
const OTHER_DIGEST = `sha256:${'ab'.repeat(32)}`;

const hoursAgo = (n: number) =>
  new Date(Date.now() - n * 3_600_000).toISOString();

const RELEASED_AT = hoursAgo(2);

/** A complete production release: every one of the six items attached. */
function completeRelease(version: string, extra: Record<string, unknown> = {}) {
  return {
    entityRef: ENTITY,
    version,
    environment: 'production',
    artifactDigest: OWN_DIGEST,
    releasedAt: RELEASED_AT,
    pipelineUrl: 'https://github.com/acme/payments-api/actions/runs/42',
    approvedBy: 'user:default/dana',
    gates: [
      { type: 'sast', outcome: 'pass', attempt: 1 },
      {
        type: 'sca',
        outcome: 'warn',
        attempt: 1,
        reason: '2 medium advisories',
      },
      { type: 'secrets', outcome: 'pass', attempt: 1 },
    ],
    evidence: [
      { kind: 'sbom', document: ownSbom },
      { kind: 'provenance', document: ownStatement },
      {
        kind: 'signature',
        digest: `sha256:${'cd'.repeat(32)}`,
        uri: 'https://rekor.sigstore.dev/api/v1/log/entries/24296fb24b8ad77a',
      },
      {
        kind: 'scanResults',
        uri: 'https://github.com/acme/payments-api/security/code-scanning',
      },
    ],
    ...extra,
  };
}

describe('/api/aspm/releases and /secrets', () => {
  let backend: TestBackend;

  const get = (url: string, auth = ALICE) =>
    request(backend.server).get(url).set('Authorization', auth);
  const post = (url: string, body: unknown, auth = CI) =>
    request(backend.server)
      .post(url)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : (body as object));
  const releaseCount = async () =>
    (await get('/api/aspm/releases?limit=1')).body.totalCount as number;
  const item = (release: any, name: string) =>
    release.checklist.find((c: any) => c.item === name);

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      extraConfig: {
        aspm: {
          secrets: { rotationSlaDays: { '1': 3, default: 7 } },
          releases: {
            requiredEvidence: { staging: ['gateDecision'] },
          },
        },
      },
    }));
    await post('/api/aspm/catalog-sync', {}, ALICE);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('refuses anonymous callers', async () => {
    const none = mockCredentials.none.header();
    expect(
      (await post('/api/aspm/releases', completeRelease('0.0.1'), none)).status,
    ).toBe(401);
    expect((await get('/api/aspm/releases', none)).status).toBe(401);
    expect((await get('/api/aspm/secrets', none)).status).toBe(401);
    expect(await releaseCount()).toBe(0);
  });

  it('stores a complete release with a matching provenance, and a replay changes nothing', async () => {
    const first = await post('/api/aspm/releases', completeRelease('1.4.0'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      entityRef: ENTITY,
      version: '1.4.0',
      environment: 'production',
      postedBy: expect.stringContaining('external:test-service'),
      firstPass: true,
      outcome: 'passed',
      blockedBy: [],
      evidenceComplete: true,
      tier: '1',
      created: true,
      changed: true,
    });
    expect(
      first.body.checklist.map((c: any) => [c.item, c.required, c.status]),
    ).toEqual([
      ['sbom', true, 'met'],
      ['provenance', true, 'met'],
      ['signature', true, 'met'],
      ['scanResults', true, 'met'],
      ['gateDecision', true, 'met'],
      ['approver', true, 'met'],
    ]);
    const sbom = first.body.evidence.find((e: any) => e.kind === 'sbom');
    expect(sbom.sbom).toMatchObject({
      format: 'cyclonedx',
      specVersion: '1.5',
      componentCount: 5,
    });
    expect(sbom.digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const again = await post('/api/aspm/releases', completeRelease('1.4.0'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: first.body.id,
      created: false,
      changed: false,
    });
    expect(await releaseCount()).toBe(1);
    const read = await get(`/api/aspm/releases/${first.body.id}`);
    expect(read.body.gates).toHaveLength(3);
    expect(read.body.evidence).toHaveLength(4);
  });

  it('marks provenance for another artifact invalid, with both digests in the reason', async () => {
    const res = await post(
      '/api/aspm/releases',
      completeRelease('1.4.1', { artifactDigest: OTHER_DIGEST }),
    );
    expect(res.status).toBe(201);
    expect(res.body.evidenceComplete).toBe(false);
    const provenance = item(res.body, 'provenance');
    expect(provenance.status).toBe('invalid');
    expect(provenance.reason).toContain('abababababab');
    expect(provenance.reason).toContain(
      ownStatement.subject[0].digest.sha256.slice(0, 12),
    );
    // Stored with the reason, not refused.
    const stored = await get(
      `/api/aspm/releases?entityRef=${ENTITY}&evidenceComplete=false`,
    );
    expect(stored.body.items.map((r: any) => r.version)).toEqual(['1.4.1']);
  });

  it('counts a re-run after a failure as passed after re-run, and a last failure as a block', async () => {
    const base = {
      entityRef: OTHER,
      environment: 'staging',
      releasedAt: hoursAgo(5),
    };
    const blocked = await post('/api/aspm/releases', {
      ...base,
      version: '2.0.0',
      gates: [
        { type: 'sast', outcome: 'pass', attempt: 1 },
        {
          type: 'sca',
          outcome: 'fail',
          attempt: 1,
          reason: 'critical CVE-2024-3094',
        },
      ],
    });
    expect(blocked.body).toMatchObject({
      outcome: 'blocked',
      blockedBy: ['sca'],
      firstPass: false,
    });
    // Staging requires only the gate decision here (config).
    expect(blocked.body.evidenceComplete).toBe(true);
    expect(item(blocked.body, 'sbom')).toMatchObject({
      required: false,
      status: 'missing',
    });

    const rerun = await post('/api/aspm/releases', {
      ...base,
      version: '2.0.0',
      releasedAt: hoursAgo(4),
      gates: [{ type: 'sca', outcome: 'pass', attempt: 2 }],
    });
    expect(rerun.status).toBe(200);
    expect(rerun.body).toMatchObject({
      id: blocked.body.id,
      outcome: 'passed-after-rerun',
      blockedBy: [],
      firstPass: false,
      changed: true,
    });
    expect(rerun.body.gates).toHaveLength(3);

    // History cannot be rewritten: attempt 1 was a failure.
    const rewrite = await post('/api/aspm/releases', {
      ...base,
      version: '2.0.0',
      gates: [{ type: 'sca', outcome: 'pass', attempt: 1 }],
    });
    expect(rewrite.status).toBe(409);
    expect(rewrite.body.error.message).toMatch(
      /sca attempt 1 was recorded as fail/,
    );

    const trend = await get(
      `/api/aspm/releases/gate-trend?entityRef=${OTHER}&weeks=4`,
    );
    expect(trend.status).toBe(200);
    expect(trend.body.weeks).toHaveLength(4);
    const total = trend.body.weeks.reduce(
      (n: any, w: any) => ({
        firstPass: n.firstPass + w.firstPass,
        rerun: n.rerun + w.passedAfterRerun,
        blocked: n.blocked + w.blocked,
      }),
      { firstPass: 0, rerun: 0, blocked: 0 },
    );
    expect(total).toEqual({ firstPass: 0, rerun: 1, blocked: 0 });

    const firstPass = await get('/api/aspm/releases?firstPass=true');
    expect(firstPass.body.items.map((r: any) => r.version).sort()).toEqual([
      '1.4.0',
      '1.4.1',
    ]);
    const staging = await get(
      '/api/aspm/releases?environment=staging&outcome=passed-after-rerun',
    );
    expect(staging.body.totalCount).toBe(1);
  });

  it.each([
    [
      'an unknown gate type',
      { gates: [{ type: 'fuzz', outcome: 'pass', attempt: 1 }] },
      /'gates\[0\]\.type': must be one of sast, sca/,
    ],
    [
      'attempt 0',
      { gates: [{ type: 'sast', outcome: 'pass', attempt: 0 }] },
      /'gates\[0\]\.attempt': must be 1 or more/,
    ],
    [
      'a provenance that is not JSON',
      {
        evidence: [
          {
            kind: 'provenance',
            document: '{"_type": "https://in-toto.io/Statement/v1", ',
          },
        ],
      },
      /evidence\[0\] \(provenance\).*not JSON/,
    ],
    [
      'a DSSE payload that is not base64',
      {
        evidence: [
          {
            kind: 'provenance',
            document: {
              payloadType: 'application/vnd.in-toto+json',
              payload: '!!!notbase64',
              signatures: [{ sig: 'MEUCIQ==' }],
            },
          },
        ],
      },
      /evidence\[0\] \(provenance\).*base64/,
    ],
    [
      'an SBOM of an unknown format',
      { evidence: [{ kind: 'sbom', document: { packages: [] } }] },
      /evidence\[0\] \(sbom\).*unknown format/,
    ],
    [
      'a release for an unknown entity',
      { entityRef: 'component:default/nope' },
      /no entity component:default\/nope/,
    ],
    [
      'a malformed digest',
      { artifactDigest: 'sha256:xyz' },
      /'artifactDigest': must be a digest/,
    ],
    [
      'a gate listed twice',
      {
        gates: [
          { type: 'sast', outcome: 'pass', attempt: 1 },
          { type: 'sast', outcome: 'fail', attempt: 1 },
        ],
      },
      /sast attempt 1 is listed twice/,
    ],
    [
      'a linked SBOM without digest',
      { evidence: [{ kind: 'sbom', uri: 'https://example.com/sbom.json' }] },
      /a linked document needs its digest/,
    ],
    ['an unknown field', { color: 'red' }, /unknown body parameter 'color'/],
  ])(
    'refuses %s with a 400 naming it, storing nothing',
    async (_name, change, message) => {
      const before = await releaseCount();
      const res = await post('/api/aspm/releases', {
        ...completeRelease('9.9.9'),
        ...change,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await releaseCount()).toBe(before);
    },
  );

  it('refuses truncated JSON and a wrong content type', async () => {
    const before = await releaseCount();
    const truncated = await post(
      '/api/aspm/releases',
      '{"entityRef": "component:default/payments-api", "ver',
    );
    expect(truncated.status).toBe(400);
    const text = await request(backend.server)
      .post('/api/aspm/releases')
      .set('Authorization', CI)
      .set('Content-Type', 'text/plain')
      .send('version=1');
    expect(text.status).toBe(400);
    expect(await releaseCount()).toBe(before);
  });

  it('tracks the rotation of a leaked secret against the tier SLA', async () => {
    const ingest = await request(backend.server)
      .post(
        `/api/aspm/ingest?entityRef=${ENTITY}&observedAt=${encodeURIComponent(
          hoursAgo(24 * 5),
        )}`,
      )
      .set('Authorization', CI)
      .set('Content-Type', 'application/octet-stream')
      .send(fs.readFileSync(path.join(parserFixtures, 'gitleaks-sample.json')));
    expect(ingest.status).toBe(200);
    const secrets = await get(`/api/aspm/secrets?entityRef=${ENTITY}`);
    expect(secrets.status).toBe(200);
    expect(secrets.body.totalCount).toBeGreaterThan(0);
    const [secret] = secrets.body.items;
    // Tier 1: 3 days; detected 5 days ago: overdue.
    expect(secret).toMatchObject({
      entityRef: ENTITY,
      slaDays: 3,
      status: 'overdue',
      validity: 'unknown',
      tier: '1',
    });
    expect(Date.parse(secret.deadline) - Date.parse(secret.detectedAt)).toBe(
      3 * 86_400_000,
    );

    const notSecret = await post(
      `/api/aspm/findings/999999/rotation`,
      {},
      ALICE,
    );
    expect(notSecret.status).toBe(404);
    const future = await post(
      `/api/aspm/findings/${secret.findingId}/rotation`,
      { rotatedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      ALICE,
    );
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/'rotatedAt'.*in the future/);

    const rotatedAt = hoursAgo(24 * 4);
    const rotated = await post(
      `/api/aspm/findings/${secret.findingId}/rotation`,
      { rotatedAt, note: 'Key revoked in the AWS console' },
      ALICE,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({
      status: 'rotated-on-time',
      rotatedBy: 'user:default/alice',
      changed: true,
    });
    const replay = await post(
      `/api/aspm/findings/${secret.findingId}/rotation`,
      { rotatedAt, note: 'Key revoked in the AWS console' },
      ALICE,
    );
    expect(replay.body.changed).toBe(false);
    const finding = await get(`/api/aspm/findings/${secret.findingId}`);
    expect(
      finding.body.events.filter((e: any) => e.type === 'rotated'),
    ).toHaveLength(1);
    const open = await get(
      `/api/aspm/secrets?entityRef=${ENTITY}&status=overdue,pending`,
    );
    expect(open.body.items.map((s: any) => s.findingId)).not.toContain(
      secret.findingId,
    );
  });

  it('refuses to rotate a finding that is not a secret', async () => {
    const sast = await request(backend.server)
      .post(`/api/aspm/ingest?entityRef=${OTHER}`)
      .set('Authorization', CI)
      .set('Content-Type', 'application/octet-stream')
      .send(
        fs.readFileSync(
          path.join(parserFixtures, 'partial-fingerprints.sarif'),
        ),
      );
    expect(sast.status).toBe(200);
    const list = await get(`/api/aspm/findings?entityRef=${OTHER}&limit=1`);
    const id = list.body.items[0].id;
    const res = await post(`/api/aspm/findings/${id}/rotation`, {}, ALICE);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not a secret/);
  });
});

describeReal('/api/aspm/releases with the real SLSA fixtures', () => {
  let backend: TestBackend;
  const slsa = path.join(real ?? '', 'slsa');
  const statement = () =>
    readJson(path.join(slsa, 'rules_lint-v1.3.1.statement.slsa-v1.json'));
  const subjectDigest = () => `sha256:${statement().subject[0].digest.sha256}`;
  const post = (body: unknown) =>
    request(backend.server)
      .post('/api/aspm/releases')
      .set('Authorization', CI)
      .set('Content-Type', 'application/json')
      .send(body as object);

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
      extraConfig: {
        aspm: {
          releases: {
            allowedBuilders: [
              'https://github.com/bazel-contrib/.github/.github/workflows/release_ruleset.yaml@*',
            ],
          },
        },
      },
    }));
    await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', ALICE)
      .set('Content-Type', 'application/json')
      .send({});
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const release = (
    version: string,
    artifactDigest: string,
    provenance: unknown,
  ) => ({
    ...completeRelease(version, { artifactDigest }),
    evidence: [
      {
        kind: 'sbom',
        document: readJson(
          path.join(real!, 'cyclonedx', 'laravel-7.12.0.cdx-1.4.json'),
        ),
      },
      { kind: 'provenance', document: provenance },
      {
        kind: 'scanResults',
        uri: 'https://github.com/acme/payments-api/security',
      },
    ],
  });

  it('is complete with the real SLSA v1 bundle and a matching digest (the bundle signs it)', async () => {
    const bundle = readJson(
      path.join(slsa, 'rules_lint-v1.3.1.sigstore-bundle.json'),
    );
    const res = await post(release('3.0.0', subjectDigest(), bundle));
    expect(res.status).toBe(201);
    expect(res.body.evidenceComplete).toBe(true);
    const provenance = res.body.evidence.find(
      (e: any) => e.kind === 'provenance',
    );
    expect(provenance.provenance).toMatchObject({
      envelope: 'sigstore-bundle',
      predicateType: 'https://slsa.dev/provenance/v1',
      builderId:
        'https://github.com/bazel-contrib/.github/.github/workflows/release_ruleset.yaml@refs/tags/v7.1.0',
    });
    expect(
      res.body.checklist.find((c: any) => c.item === 'signature').status,
    ).toBe('met');
    expect(
      res.body.evidence.find((e: any) => e.kind === 'sbom').sbom.componentCount,
    ).toBe(62);
  });

  it('shows the same statement for another artifact as invalid, with the reason', async () => {
    const res = await post(release('3.0.1', OTHER_DIGEST, statement()));
    expect(res.status).toBe(201);
    expect(res.body.evidenceComplete).toBe(false);
    const provenance = res.body.checklist.find(
      (c: any) => c.item === 'provenance',
    );
    expect(provenance.status).toBe('invalid');
    expect(provenance.reason).toMatch(/does not match the release artifact/);
    expect(provenance.reason).toContain('1636f443b01c');
  });

  it('rejects the real generic-generator DSSE envelope from a builder off the allow-list', async () => {
    const jsonl = fs.readFileSync(
      path.join(slsa, 'slsa-github-generator-generic-v1.2.1.dsse.intoto.jsonl'),
      'utf8',
    );
    const res = await post(
      release(
        '3.0.2',
        'sha256:ec8ff1bb40da2a36e3e9113dd7a5dd452c5125f7013e849519c0754b3c9fda89',
        jsonl,
      ),
    );
    expect(res.status).toBe(201);
    const provenance = res.body.checklist.find(
      (c: any) => c.item === 'provenance',
    );
    expect(provenance.status).toBe('invalid');
    expect(provenance.reason).toMatch(
      /generator_generic_slsa3\.yml.*is not in the allowed builders/,
    );
  });
});
