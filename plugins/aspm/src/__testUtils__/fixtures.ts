import {
  AspmEntity,
  CatalogSyncRun,
  Finding,
  FindingEvent,
  Ingestion,
  OwnershipReport,
  Page,
  SEVERITIES,
} from '@aspm/plugin-aspm-common';
import { Entity } from '@backstage/catalog-model';
import { AspmApi, FindingWithEvents, ListFindingsRequest } from '../api';
import {
  FakeDeliveryOptions,
  fakeDeliveryBackend,
} from './fakeDeliveryBackend';
import {
  FakeExceptionsOptions,
  fakeExceptionsBackend,
} from './fakeExceptionsBackend';
import { entityScorecardOf, ledgerTeamScorecard } from './scorecardFixtures';

/** A finished catalog sync run. */
export const lastSync: CatalogSyncRun = {
  id: 7,
  startedAt: '2026-03-02T09:14:00.000Z',
  finishedAt: '2026-03-02T09:14:03.000Z',
  status: 'succeeded',
  trigger: 'schedule',
  counts: {
    read: 88,
    byKind: { component: 40 },
    added: 0,
    changed: 1,
    unchanged: 87,
    gone: 0,
    durationMs: 2870,
  },
};

const seg = (
  key: string | undefined,
  label: string,
  numerator: number,
  denominator: number,
  target?: number,
) => ({
  ...(key === undefined ? {} : { key }),
  label,
  numerator,
  denominator,
  ratio: numerator / denominator,
  ...(target === undefined
    ? {}
    : { target, meetsTarget: numerator / denominator >= target }),
});

/** The demo org: 40 components, 37 owned. */
export const demoReport: OwnershipReport = {
  metric: 'ownership_completeness',
  asOf: '2026-03-02T23:59:59.999Z',
  kinds: ['Component'],
  org: { numerator: 37, denominator: 40, ratio: 37 / 40 },
  groupBy: 'businessUnit',
  // As the backend sorts them: worst first, none last.
  segments: [
    seg('group:default/payments-bu', 'Payments', 10, 11),
    seg('group:default/commerce-bu', 'Commerce', 9, 10),
    seg('group:default/platform-bu', 'Platform & Infrastructure', 9, 10),
    seg('group:default/data-bu', 'Data & Analytics', 6, 6),
    seg(undefined, 'No business unit', 3, 3),
  ],
  byTier: [
    seg('1', 'Tier 1', 14, 14, 1),
    seg('2', 'Tier 2', 12, 13, 1),
    seg('3', 'Tier 3', 7, 8),
    seg(undefined, 'Untiered', 4, 5),
  ],
  byResolution: {
    group: 33,
    'user-in-team': 4,
    'user-without-team': 1,
    dangling: 1,
    missing: 1,
  },
  offenders: [
    {
      entityRef: 'component:default/invoice-renderer',
      kind: 'component',
      title: 'Invoice Renderer',
      ownerRef: 'group:default/team-billing',
      ownerResolution: 'dangling',
      reason:
        'spec.owner points at group:default/team-billing, which is not in the catalog',
      tier: '2',
      businessUnit: 'group:default/payments-bu',
    },
    {
      entityRef: 'component:default/promo-banner',
      kind: 'component',
      ownerRef: 'unknown',
      ownerResolution: 'missing',
      reason: 'spec.owner "unknown" is a placeholder, not a named owner',
      businessUnit: 'group:default/commerce-bu',
    },
    {
      entityRef: 'component:default/legacy-cron',
      kind: 'component',
      ownerRef: 'user:default/contractor-jane',
      ownerResolution: 'user-without-team',
      reason: 'the user is a member of no existing Group',
      tier: '3',
      businessUnit: 'group:default/platform-bu',
    },
  ],
  offendersTotal: 3,
  lastSync,
};

/** A report of an org without components. */
export const emptyReport: OwnershipReport = {
  ...demoReport,
  org: { numerator: 0, denominator: 0 },
  segments: [],
  byTier: [],
  byResolution: {
    group: 0,
    'user-in-team': 0,
    'user-without-team': 0,
    dangling: 0,
    missing: 0,
  },
  offenders: [],
  offendersTotal: 0,
  lastSync: undefined,
};

/** A well-annotated, owned component. */
export const paymentsApi: AspmEntity = {
  entityRef: 'component:default/payments-api',
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
  title: 'Payments API',
  type: 'service',
  lifecycle: 'production',
  ownerRef: 'group:default/team-ledger',
  ownerResolution: 'group',
  ownerResolutionReason: 'owned by the Group group:default/team-ledger',
  owningTeam: 'group:default/team-ledger',
  businessUnit: 'group:default/payments-bu',
  system: 'system:default/payments',
  domain: 'domain:default/finance',
  tier: '1',
  exposure: 'internet',
  repository: {
    slug: 'acme/payments-api',
    url: 'https://github.com/acme/payments-api',
    source: 'github.com/project-slug',
  },
  annotationProblems: [],
  firstSeenAt: '2026-02-01T10:00:00.000Z',
  lastSyncedAt: '2026-03-02T09:14:03.000Z',
};

/** A component with no tier, an invalid exposure, a dangling owner and no repository. */
export const invoiceRenderer: AspmEntity = {
  ...paymentsApi,
  entityRef: 'component:default/invoice-renderer',
  name: 'invoice-renderer',
  title: 'Invoice Renderer',
  ownerRef: 'group:default/team-billing',
  ownerResolution: 'dangling',
  ownerResolutionReason:
    'spec.owner points at group:default/team-billing, which is not in the catalog',
  owningTeam: undefined,
  tier: undefined,
  exposure: undefined,
  repository: undefined,
  annotationProblems: [
    {
      annotation: 'aspm.io/exposure',
      value: 'public',
      message:
        'aspm.io/exposure must be one of "internet", "internal"; got "public"',
    },
  ],
};

/** The Security tab of payments-api (see `scorecardFixtures`). */
export const paymentsApiScorecard = entityScorecardOf(paymentsApi);

/** A catalog entity as `useEntity` gives it. */
export function catalogEntity(name: string, kind = 'Component'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-ledger' },
  };
}

const PAYMENTS = 'component:default/payments-api';

/** An open, known-exploited critical dependency finding. */
export const log4shell: Finding = {
  id: 1,
  entityRef: PAYMENTS,
  tool: { name: 'trivy', version: '0.50.1' },
  runKey: 'trivy/fs',
  category: 'dependency',
  ruleId: 'CVE-2021-44228',
  title: 'Log4j remote code execution (Log4Shell)',
  severity: 'critical',
  cvss: 10,
  cves: ['CVE-2021-44228'],
  ghsa: 'GHSA-jfh8-c2jp-5v3q',
  cwes: ['CWE-502', 'CWE-917'],
  epss: 0.975,
  knownExploited: true,
  package: {
    name: 'org.apache.logging.log4j:log4j-core',
    version: '2.14.1',
    ecosystem: 'maven',
    manifest: 'pom.xml',
    fixedVersion: '2.17.1',
  },
  fingerprint: 'fp-log4shell',
  state: 'open',
  link: 'https://avd.aquasec.com/nvd/cve-2021-44228',
  firstSeenAt: '2026-02-20T08:00:00.000Z',
  lastSeenAt: '2026-03-02T08:00:00.000Z',
  reopenCount: 0,
};

/** An open SQL injection found by semgrep, with the tool's message. */
export const sqlInjection: Finding = {
  id: 2,
  entityRef: PAYMENTS,
  tool: { name: 'semgrep', version: '1.60.0' },
  category: 'code',
  ruleId: 'javascript.lang.security.sql-injection',
  title: 'SQL injection',
  severity: 'high',
  cwes: ['CWE-89'],
  location: { path: 'src/db/queries.ts', startLine: 42, endLine: 44 },
  fingerprint: 'fp-sqli',
  state: 'open',
  link: 'https://semgrep.dev/r/javascript.lang.security.sql-injection',
  properties: {
    message: 'User input flows into a SQL query <b>unescaped</b>',
    help: 'Use parameterised queries.',
  },
  firstSeenAt: '2026-02-25T12:00:00.000Z',
  lastSeenAt: '2026-03-02T08:00:00.000Z',
  reopenCount: 0,
};

/** A leaked secret, fixed 10.5 days after it was first seen, reopened once. */
export const leakedKey: Finding = {
  id: 3,
  entityRef: PAYMENTS,
  tool: { name: 'gitleaks', version: '8.18.0' },
  category: 'secret',
  ruleId: 'aws-access-token',
  title: 'AWS access key',
  severity: 'high',
  location: { path: 'config/.env', startLine: 3 },
  fingerprint: 'fp-aws-key',
  runKey: 'gitleaks',
  state: 'fixed',
  firstSeenAt: '2026-02-01T00:00:00.000Z',
  lastSeenAt: '2026-02-10T00:00:00.000Z',
  fixedAt: '2026-02-11T12:00:00.000Z',
  reopenCount: 1,
};

/** The history of {@link leakedKey}. */
export const leakedKeyEvents: FindingEvent[] = [
  { type: 'opened', at: '2026-02-01T00:00:00.000Z', to: 'open', scanId: 1 },
  {
    type: 'severity_changed',
    at: '2026-02-03T00:00:00.000Z',
    from: 'medium',
    to: 'high',
    scanId: 2,
  },
  { type: 'fixed', at: '2026-02-05T00:00:00.000Z', from: 'open', to: 'fixed' },
  {
    type: 'reopened',
    at: '2026-02-07T00:00:00.000Z',
    from: 'fixed',
    to: 'open',
  },
  {
    type: 'fixed',
    at: '2026-02-11T12:00:00.000Z',
    from: 'open',
    to: 'fixed',
    scanId: 5,
  },
];

/** A finding marked as a false positive in the source. */
export const falsePositive: Finding = {
  id: 4,
  entityRef: PAYMENTS,
  tool: { name: 'checkov' },
  category: 'iac',
  ruleId: 'CKV_AWS_20',
  title: 'S3 bucket allows public read',
  severity: 'medium',
  location: { path: 'infra/main.tf', startLine: 12 },
  fingerprint: 'fp-s3',
  state: 'false_positive',
  suppressionJustification: 'The bucket hosts public assets on purpose',
  firstSeenAt: '2026-02-15T00:00:00.000Z',
  lastSeenAt: '2026-03-02T08:00:00.000Z',
  reopenCount: 0,
};

/** An open low container finding. */
export const containerLow: Finding = {
  id: 5,
  entityRef: PAYMENTS,
  tool: { name: 'trivy', version: '0.50.1' },
  category: 'container',
  ruleId: 'CVE-2024-0001',
  title: 'busybox: out-of-bounds read',
  severity: 'low',
  cves: ['CVE-2024-0001'],
  package: {
    name: 'busybox',
    version: '1.36.1-r15',
    manifest: 'ghcr.io/acme/payments-api:1.4.2 (alpine 3.19)',
  },
  fingerprint: 'fp-busybox',
  state: 'open',
  firstSeenAt: '2026-03-01T00:00:00.000Z',
  lastSeenAt: '2026-03-02T08:00:00.000Z',
  reopenCount: 0,
};

/** All canned findings of payments-api: 3 open (critical, high, low). */
export const demoFindings: Finding[] = [
  log4shell,
  sqlInjection,
  leakedKey,
  falsePositive,
  containerLow,
];

/**
 * Answers a findings query over canned findings as the backend would
 * (filters, severity ordering only, paging).
 */
export function queryFindings(
  findings: Finding[],
  request: ListFindingsRequest = {},
): Page<Finding> {
  const matches = (values: string[] | undefined, value: string) =>
    !values || values.length === 0 || values.includes(value);
  const items = findings
    .filter(
      f =>
        matches(request.entityRef, f.entityRef) &&
        (!request.id?.length || request.id.includes(f.id)) &&
        matches(request.severity, f.severity) &&
        matches(request.state, f.state) &&
        matches(request.category, f.category) &&
        matches(request.tool, f.tool.name),
    )
    .sort(
      (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
    );
  const limit = request.limit ?? 50;
  const offset = request.offset ?? 0;
  return {
    items: items.slice(offset, offset + limit),
    totalCount: items.length,
    limit,
    offset,
  };
}

/** Recent ingestions of payments-api, newest first. */
export const demoIngestions: Ingestion[] = [
  {
    id: 12,
    source: 'push',
    status: 'succeeded',
    format: 'sarif',
    entityRef: PAYMENTS,
    actor: 'user:default/ci-bot',
    receivedAt: '2026-03-02T08:00:00.000Z',
    finishedAt: '2026-03-02T08:00:01.000Z',
    tools: [
      { name: 'trivy', version: '0.50.1', runKey: 'trivy/fs' },
      { name: 'semgrep', version: '1.60.0' },
    ],
    counts: {
      received: 14,
      duplicate: 0,
      new: 2,
      unchanged: 11,
      fixed: 1,
      reopened: 3,
      suppressed: 0,
      unsuppressed: 0,
    },
  },
  {
    id: 11,
    source: 'push',
    status: 'failed',
    format: 'sarif',
    entityRef: PAYMENTS,
    receivedAt: '2026-03-01T08:00:00.000Z',
    error: 'Not a SARIF file: runs is missing',
  },
  {
    id: 10,
    source: 'source:github',
    status: 'replay',
    entityRef: PAYMENTS,
    receivedAt: '2026-02-28T08:00:00.000Z',
    tools: [{ name: 'CodeQL' }],
  },
];

/** A method the fake does not answer unless a test overrides it. */
const notFaked = (name: string) => async (): Promise<never> => {
  throw new Error(`fakeAspmApi: ${name} is not faked; pass an override`);
};

/**
 * A fake AspmApi answering canned data; override any method. Its exception
 * methods keep state in memory (see `fakeExceptionsBackend`): approving an
 * exception accepts the open findings it covers, as the backend does. Its
 * release and secret methods answer `releaseFixtures` (see
 * `fakeDeliveryBackend`); a recorded rotation stays.
 */
export function fakeAspmApi(
  overrides: Partial<AspmApi> = {},
  exceptionOptions: FakeExceptionsOptions = {},
  deliveryOptions: FakeDeliveryOptions = {},
): jest.Mocked<AspmApi> {
  const findings: Finding[] = demoFindings.map(f => ({ ...f }));
  const exceptions = fakeExceptionsBackend(findings, exceptionOptions);
  const delivery = fakeDeliveryBackend(deliveryOptions);
  const api: AspmApi = {
    listEntities: jest.fn(async () => ({
      items: [paymentsApi],
      totalCount: 1,
      limit: 50,
      offset: 0,
    })),
    getEntity: jest.fn(async () => paymentsApi),
    getOwnership: jest.fn(async () => demoReport),
    getCatalogSync: jest.fn(async () => ({ lastRun: lastSync })),
    runCatalogSync: jest.fn(async () => lastSync),
    listFindings: jest.fn(async request => queryFindings(findings, request)),
    getFinding: jest.fn(async (id: number): Promise<FindingWithEvents> => {
      const finding = findings.find(f => f.id === id);
      if (!finding) throw new Error(`No finding ${id}`);
      return {
        ...finding,
        events:
          finding.id === leakedKey.id
            ? leakedKeyEvents
            : [{ type: 'opened', at: finding.firstSeenAt, to: 'open' }],
      };
    }),
    listIngestions: jest.fn(async request => ({
      items: demoIngestions.slice(0, request?.limit ?? 50),
      totalCount: demoIngestions.length,
      limit: request?.limit ?? 50,
      offset: 0,
    })),
    listExceptions: jest.fn(exceptions.listExceptions),
    getException: jest.fn(exceptions.getException),
    getExceptionPolicy: jest.fn(exceptions.getExceptionPolicy),
    getExceptionSummary: jest.fn(exceptions.getExceptionSummary),
    requestException: jest.fn(exceptions.requestException),
    decideException: jest.fn(exceptions.decideException),
    listReleases: jest.fn(delivery.listReleases),
    getRelease: jest.fn(delivery.getRelease),
    getGateTrend: jest.fn(delivery.getGateTrend),
    listSecrets: jest.fn(delivery.listSecrets),
    recordSecretRotation: jest.fn(delivery.recordSecretRotation),
    // Metrics have no canned answer: a test that renders them overrides these.
    getMetrics: jest.fn(notFaked('getMetrics')),
    getMetricDetail: jest.fn(notFaked('getMetricDetail')),
    getMetricTrend: jest.fn(notFaked('getMetricTrend')),
    getActions: jest.fn(notFaked('getActions')),
    getOperatingMetrics: jest.fn(notFaked('getOperatingMetrics')),
    // Scorecards answer the fixtures of scorecardFixtures.ts.
    getEntityScorecard: jest.fn(async () => paymentsApiScorecard),
    getTeamScorecard: jest.fn(async () => ledgerTeamScorecard),
    // Director packs: a test that renders them overrides these.
    getPack: jest.fn(notFaked('getPack')),
    exportPack: jest.fn(notFaked('exportPack')),
    listPackNarratives: jest.fn(notFaked('listPackNarratives')),
    savePackNarrative: jest.fn(notFaked('savePackNarrative')),
    listStrategicAsks: jest.fn(notFaked('listStrategicAsks')),
    createStrategicAsk: jest.fn(notFaked('createStrategicAsk')),
    updateStrategicAsk: jest.fn(notFaked('updateStrategicAsk')),
    ...overrides,
  };
  return api as jest.Mocked<AspmApi>;
}
