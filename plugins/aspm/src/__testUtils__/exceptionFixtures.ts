import {
  AspmExceptionDetails,
  ExceptionCoveredFinding,
  ExceptionPolicy,
} from '@aspm/plugin-aspm-common';

/**
 * Exception fixtures are relative to when the tests start, so that "expires
 * in 12 days" stays true whenever they run.
 */
export const FIXTURE_NOW = Date.now();
const DAY_MS = 86_400_000;

/** An ISO timestamp `days` from {@link FIXTURE_NOW} (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(FIXTURE_NOW + days * DAY_MS).toISOString();
}

const PAYMENTS = 'component:default/payments-api';
const paymentsOwner = {
  team: 'group:default/team-ledger',
  businessUnit: 'group:default/payments-bu',
  tier: '1',
};

/** The policy as configured by default. */
export const demoPolicy: ExceptionPolicy = {
  categories: [
    'standard-unrealistic',
    'platform-gap',
    'ownership',
    'compensated',
    'false-positive-dispute',
    'other',
  ],
  maxDaysByTier: { '1': 90, '2': 180, '3': 365, default: 365 },
  expiringSoonDays: 30,
};

/** A finding that #12 covers (not among the demo findings). */
export const lodashCovered: ExceptionCoveredFinding = {
  id: 6,
  title: 'Prototype pollution in lodash',
  severity: 'high',
  state: 'accepted',
  ruleId: 'CVE-2020-8203',
};

/** Approved, expiring in 12 days (soon), with a compensating control. */
export const approvedException: AspmExceptionDetails = {
  id: 12,
  entityRef: PAYMENTS,
  scope: { type: 'findings', findingIds: [6] },
  reason:
    'lodash is pinned by the PDF library; the platform team ships a patched build next quarter',
  category: 'platform-gap',
  status: 'approved',
  source: 'manual',
  requestedBy: 'user:default/bob',
  requestedAt: daysFromNow(-40),
  decidedBy: 'user:default/carol',
  decidedAt: daysFromNow(-39),
  decisionNote: 'OK until the patched build ships',
  expiresAt: daysFromNow(12),
  reviewAt: daysFromNow(5),
  compensatingControl: {
    text: 'WAF rule blocks prototype pollution payloads',
    link: 'https://wiki.acme.com/waf/123',
  },
  renewals: 0,
  coveredFindings: 1,
  ...paymentsOwner,
  events: [
    // Out of order on purpose: the dialog sorts them.
    {
      type: 'approved',
      actor: 'user:default/carol',
      at: daysFromNow(-39),
      fromStatus: 'requested',
      toStatus: 'approved',
      expiresAt: daysFromNow(12),
      reviewAt: daysFromNow(5),
      note: 'OK until the patched build ships',
    },
    {
      type: 'requested',
      actor: 'user:default/bob',
      at: daysFromNow(-40),
      toStatus: 'requested',
      expiresAt: daysFromNow(30),
    },
  ],
  findings: [lodashCovered],
};

/** Requested by bob for Log4Shell (finding 1), with a requested expiry. */
export const requestedException: AspmExceptionDetails = {
  id: 13,
  entityRef: PAYMENTS,
  scope: { type: 'findings', findingIds: [1] },
  reason: 'Log4j is only on the build classpath and never loaded at runtime',
  category: 'false-positive-dispute',
  status: 'requested',
  source: 'manual',
  requestedBy: 'user:default/bob',
  requestedAt: daysFromNow(-3),
  renewals: 0,
  coveredFindings: 0,
  ...paymentsOwner,
  events: [
    {
      type: 'requested',
      actor: 'user:default/bob',
      at: daysFromNow(-3),
      toStatus: 'requested',
      expiresAt: daysFromNow(60),
    },
  ],
  findings: [],
};

/** Imported from DefectDojo, expired two days ago, without review date. */
export const expiredException: AspmExceptionDetails = {
  id: 9,
  entityRef: PAYMENTS,
  scope: { type: 'rule', rule: 'CVE-2024-0001' },
  reason: 'Risk accepted in DefectDojo: base image update scheduled',
  category: 'ownership',
  status: 'expired',
  source: 'defectdojo',
  externalId: 'defectdojo:41',
  requestedBy: 'service:external:defectdojo',
  requestedAt: daysFromNow(-200),
  decidedBy: 'service:external:defectdojo',
  decidedAt: daysFromNow(-200),
  expiresAt: daysFromNow(-2),
  renewals: 1,
  coveredFindings: 0,
  ...paymentsOwner,
  events: [
    {
      type: 'imported',
      actor: 'service:external:defectdojo',
      at: daysFromNow(-200),
      toStatus: 'approved',
      expiresAt: daysFromNow(-2),
    },
    {
      type: 'expired',
      actor: 'system:expiry',
      at: daysFromNow(-2),
      fromStatus: 'approved',
      toStatus: 'expired',
    },
  ],
  findings: [],
};

/** A GitHub dismissal of another business unit, far from expiry. */
export const githubException: AspmExceptionDetails = {
  id: 7,
  entityRef: 'component:default/checkout-web',
  scope: { type: 'category', category: 'code' },
  reason: 'Dismissed in GitHub: used in tests only',
  category: 'compensated',
  status: 'approved',
  source: 'github',
  externalId: 'github:acme/checkout-web:code-scanning:88',
  requestedBy: 'service:external:github',
  requestedAt: daysFromNow(-100),
  decidedBy: 'service:external:github',
  decidedAt: daysFromNow(-100),
  expiresAt: daysFromNow(200),
  renewals: 0,
  coveredFindings: 4,
  team: 'group:default/team-checkout',
  businessUnit: 'group:default/commerce-bu',
  tier: '2',
  events: [
    {
      type: 'imported',
      actor: 'service:external:github',
      at: daysFromNow(-100),
      toStatus: 'approved',
      expiresAt: daysFromNow(200),
    },
  ],
  findings: [],
};

/** All canned exceptions, newest request first. */
export const demoExceptions: AspmExceptionDetails[] = [
  requestedException,
  approvedException,
  githubException,
  expiredException,
];
