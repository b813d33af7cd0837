import { FindingCategory } from './findings';

/**
 * Lifecycle of an exception (risk acceptance): `requested` until someone
 * other than the requester approves or rejects it; `approved` until it
 * expires (a scheduled job) or is revoked. @public
 */
export const EXCEPTION_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'expired',
  'revoked',
] as const;
/** @public */
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

/** What an exception covers. @public */
export const EXCEPTION_SCOPE_TYPES = [
  'findings',
  'rule',
  'category',
  'entity',
] as const;
/** @public */
export type ExceptionScopeType = (typeof EXCEPTION_SCOPE_TYPES)[number];

/** Where an exception was decided. @public */
export const EXCEPTION_SOURCES = ['manual', 'defectdojo', 'github'] as const;
/** @public */
export type ExceptionSource = (typeof EXCEPTION_SOURCES)[number];

/**
 * The default category taxonomy (config `aspm.exceptions.categories`
 * replaces it). Repeated categories read as "the standard is unrealistic, the
 * platform is missing a feature, or ownership is weak". @public
 */
export const DEFAULT_EXCEPTION_CATEGORIES = [
  'standard-unrealistic',
  'platform-gap',
  'ownership',
  'compensated',
  'false-positive-dispute',
  'other',
] as const;

/**
 * The scope of an exception:
 * - `findings`: the listed findings of the entity;
 * - `rule`: every finding of the entity whose rule id, CVE or GHSA is `rule`;
 * - `category`: every finding of the entity in the category;
 * - `entity`: every finding of the entity.
 * @public
 */
export type ExceptionScope =
  | { type: 'findings'; findingIds: number[] }
  | { type: 'rule'; rule: string }
  | { type: 'category'; category: FindingCategory }
  | { type: 'entity' };

/** What the caller may do with an exception now. @public */
export type ExceptionAction = 'approve' | 'reject' | 'revoke' | 'renew';

/** An exception as the API returns it. @public */
export interface AspmException {
  id: number;
  entityRef: string;
  scope: ExceptionScope;
  reason: string;
  category: string;
  status: ExceptionStatus;
  source: ExceptionSource;
  /** The source's own id (e.g. `defectdojo:12`), for imports. */
  externalId?: string;
  /** User or service principal, e.g. `user:default/alice` or `service:external:ci`. */
  requestedBy: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
  /** Required on approval (not on imports, which may have none). */
  expiresAt?: string;
  /** The expiry the requester asked for (the approver may set another). */
  requestedExpiresAt?: string;
  reviewAt?: string;
  compensatingControl?: { text: string; link?: string };
  /** How many times it was renewed. */
  renewals: number;
  /** Findings accepted through it now. */
  coveredFindings: number;
  /** The entity's owning team, business unit and tier at the time of reading. */
  team?: string;
  businessUnit?: string;
  tier?: string;
  /** What the caller may do now (only in answers to a signed-in caller). */
  allowedActions?: ExceptionAction[];
}

/** One change of an exception, for the audit trail. @public */
export interface ExceptionEvent {
  type:
    | 'requested'
    | 'imported'
    | 'approved'
    | 'rejected'
    | 'revoked'
    | 'renewed'
    | 'expired'
    | 'updated';
  actor: string;
  at: string;
  fromStatus?: ExceptionStatus;
  toStatus?: ExceptionStatus;
  expiresAt?: string;
  reviewAt?: string;
  note?: string;
}

/** A finding an exception covers, for its details. @public */
export interface ExceptionCoveredFinding {
  id: number;
  title: string;
  severity: string;
  state: string;
  ruleId: string;
}

/** GET /exceptions/:id. @public */
export interface AspmExceptionDetails extends AspmException {
  events: ExceptionEvent[];
  findings: ExceptionCoveredFinding[];
}

/** GET /exceptions/policy: what the request and approval forms need. @public */
export interface ExceptionPolicy {
  categories: string[];
  /** Longest approval per tier, in days (`default` for untiered entities). */
  maxDaysByTier: Record<string, number>;
  /** "Expiring soon" threshold the register highlights, in days. */
  expiringSoonDays: number;
}

/** The business unit of entities outside any, in summaries. @public */
export const NO_BUSINESS_UNIT = '(none)';

/**
 * GET /exceptions/summary: repeated categories per business unit. Entities
 * outside any business unit are counted under `'(none)'`
 * ({@link NO_BUSINESS_UNIT}). @public
 */
export interface ExceptionCategorySummary {
  items: Array<{ businessUnit: string; category: string; count: number }>;
}
