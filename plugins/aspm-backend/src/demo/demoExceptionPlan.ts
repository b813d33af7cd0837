import { AspmEntity, FindingCategory } from '@aspm/plugin-aspm-common';

const DAY = 86_400_000;
/** The default longest approvals per tier (the demo stays within them). */
const MAX_DAYS: Record<string, number> = { '1': 90, '2': 180, '3': 365 };

/** The demo's security approver (a member of group:default/security). */
export const DEMO_APPROVER = 'user:default/niaj';
const REQUESTERS = [
  'user:default/alice',
  'user:default/bob',
  'user:default/carol',
  'user:default/dave',
  'user:default/erin',
];

/** One exception of the demo, with the times of its decisions. */
export interface DemoException {
  entityRef: string;
  scope: { type: 'category'; category: FindingCategory } | { type: 'entity' };
  category: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  decision?: {
    to: 'approved' | 'rejected';
    at: Date;
    note: string;
    expiresAt?: Date;
    reviewAt?: Date;
  };
  revokedAt?: Date;
  compensatingControl?: { text: string; link?: string };
}

type Template = Omit<
  DemoException,
  'entityRef' | 'requestedBy' | 'requestedAt' | 'decision' | 'revokedAt'
> & {
  ask: number;
  decide?: {
    to: 'approved' | 'rejected';
    after: number;
    days?: number;
    review?: number;
    note: string;
  };
  revoke?: number;
};

// Days are relative to "now"; negative is the past.
const TEMPLATES: Template[] = [
  {
    scope: { type: 'category', category: 'dependency' },
    category: 'platform-gap',
    reason:
      'Upgrading these dependencies needs the new build image, which the platform team ships next quarter.',
    ask: -230,
    decide: {
      to: 'approved',
      after: 2,
      days: 90,
      review: 60,
      note: 'Until the build image lands.',
    },
  },
  {
    scope: { type: 'category', category: 'code' },
    category: 'compensated',
    reason:
      'All input reaches this service through the API gateway, which validates and escapes it.',
    ask: -75,
    decide: {
      to: 'approved',
      after: 1,
      days: 85,
      review: 70,
      note: 'WAF rules verified by security.',
    },
    compensatingControl: {
      text: 'API gateway request validation and WAF rule set 942',
      link: 'https://wiki.example.com/security/waf-942',
    },
  },
  {
    scope: { type: 'category', category: 'dependency' },
    category: 'platform-gap',
    reason:
      'The base image pins an old OpenSSL; a fix needs the shared runtime upgrade.',
    ask: -40,
    decide: {
      to: 'approved',
      after: 3,
      days: 80,
      note: 'Tracked in the runtime upgrade epic.',
    },
  },
  {
    scope: { type: 'category', category: 'dependency' },
    category: 'platform-gap',
    reason:
      'Transitive dependency of the shared logging library; cannot upgrade on our own.',
    ask: -20,
    decide: {
      to: 'approved',
      after: 2,
      days: 170,
      note: 'Platform to upgrade the logging library.',
    },
  },
  {
    scope: { type: 'category', category: 'code' },
    category: 'standard-unrealistic',
    reason:
      'The rule flags every dynamic SQL fragment, including constant table names.',
    ask: -120,
    decide: {
      to: 'approved',
      after: 5,
      days: 150,
      review: 90,
      note: 'Rule tuning requested from AppSec.',
    },
  },
  {
    scope: { type: 'entity' },
    category: 'ownership',
    reason:
      'Nobody on the team knows this service; it is scheduled for decommissioning.',
    ask: -60,
    decide: {
      to: 'rejected',
      after: 4,
      note: 'Find an owner first; decommissioning is not a control.',
    },
  },
  {
    scope: { type: 'category', category: 'code' },
    category: 'standard-unrealistic',
    reason: 'Findings in generated client code that we do not edit by hand.',
    ask: -150,
    decide: { to: 'approved', after: 2, days: 120, note: 'Generated code.' },
    revoke: -100,
  },
  {
    scope: { type: 'category', category: 'secret' },
    category: 'false-positive-dispute',
    reason: 'The detected keys are test fixtures with no access to anything.',
    ask: -4,
  },
];

/**
 * The demo's exceptions: deterministic, spread over the components so that
 * the register has approved, expiring-soon, expired, rejected, revoked and
 * pending ones, with repeated categories in one business unit.
 */
export function demoExceptionPlan(
  entities: AspmEntity[],
  now: Date,
): DemoException[] {
  const components = entities
    .filter(e => e.kind === 'component' && e.repository)
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  if (!components.length) return [];
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return TEMPLATES.map((t, i) => {
    // Every third component, so exceptions land in several business units.
    const entity = components[(i * 3) % components.length];
    const requestedAt = at(t.ask);
    const out: DemoException = {
      entityRef: entity.entityRef,
      scope: t.scope,
      category: t.category,
      reason: t.reason,
      requestedBy: REQUESTERS[i % REQUESTERS.length],
      requestedAt,
      compensatingControl: t.compensatingControl,
    };
    if (t.decide) {
      const decidedAt = at(t.ask + t.decide.after);
      out.decision = {
        to: t.decide.to,
        at: decidedAt,
        note: t.decide.note,
        expiresAt:
          t.decide.days === undefined
            ? undefined
            : new Date(
                decidedAt.getTime() +
                  Math.min(t.decide.days, MAX_DAYS[entity.tier ?? ''] ?? 365) *
                    DAY,
              ),
        reviewAt:
          t.decide.review === undefined
            ? undefined
            : new Date(decidedAt.getTime() + t.decide.review * DAY),
      };
    }
    if (t.revoke !== undefined) out.revokedAt = at(t.revoke);
    return out;
  });
}
