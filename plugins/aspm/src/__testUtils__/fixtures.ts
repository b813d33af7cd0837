import {
  AspmEntity,
  CatalogSyncRun,
  OwnershipReport,
} from '@aspm/plugin-aspm-common';
import { Entity } from '@backstage/catalog-model';
import { AspmApi } from '../api';

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

/** A catalog entity as `useEntity` gives it. */
export function catalogEntity(name: string, kind = 'Component'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-ledger' },
  };
}

/** A fake AspmApi answering canned data; override any method. */
export function fakeAspmApi(
  overrides: Partial<AspmApi> = {},
): jest.Mocked<AspmApi> {
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
    ...overrides,
  };
  return api as jest.Mocked<AspmApi>;
}
