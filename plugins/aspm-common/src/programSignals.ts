/**
 * Program signals: the sources scanners cannot feed (security reviews,
 * incident follow-ups, repository protections from OpenSSF Scorecard,
 * deployments for DORA). Definitions of the metrics built on them are in
 * docs/metrics.md, "Program signals".
 */

/** Kinds of security review. @public */
export const REVIEW_KINDS = [
  'design-review',
  'threat-model',
  'pentest',
] as const;
/** @public */
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** How a completed review ended. @public */
export const REVIEW_OUTCOMES = [
  'approved',
  'approved-with-actions',
  'changes-required',
  'rejected',
] as const;
/** @public */
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** A security review of an entity, as stored. @public */
export interface SecurityReview {
  id: number;
  entityRef: string;
  kind: ReviewKind;
  /** Where it came from (`manual`, or the tool that tracks reviews). */
  source: string;
  /** The id in that tool; a repost with the same one updates the review. */
  externalId: string;
  title?: string;
  requestedAt: string;
  firstResponseAt?: string;
  completedAt?: string;
  outcome?: ReviewOutcome;
  link?: string;
  createdAt: string;
  updatedAt: string;
}

/** Incident severities (SEV1 is the worst). @public */
export const INCIDENT_SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
/** @public */
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** An incident whose follow-up actions are tracked. @public */
export interface Incident {
  /** The incident tracker's id (the path of POST /incidents/:id/actions). */
  id: string;
  title?: string;
  severity: IncidentSeverity;
  securityRelated: boolean;
  openedAt?: string;
  link?: string;
}

/** A follow-up action of an incident. @public */
export interface IncidentAction {
  id: number;
  incidentId: string;
  /** The tracker's id of the action; a repost with the same one updates it. */
  externalId: string;
  title: string;
  /** The entity accountable for it (usually the service that failed). */
  ownerEntityRef: string;
  createdAt: string;
  dueAt?: string;
  closedAt?: string;
}

/** Answer of POST /incidents/:id/actions. @public */
export interface IncidentActionsResult {
  incident: Incident;
  actions: IncidentAction[];
  created: number;
  updated: number;
  unchanged: number;
}

/** A deploy of a release to an environment. @public */
export interface Deployment {
  id: number;
  entityRef: string;
  environment: string;
  /** The release candidate deployed, when it was posted to /releases. */
  releaseId?: number;
  version: string;
  deployedAt: string;
  /** The earliest commit in the deploy (for lead time for changes). */
  firstCommitAt?: string;
  /** Set when the deploy was later marked failed (a change failure). */
  failedAt?: string;
  /** The failure was caused by a missing or bypassed security control. */
  causedByControlGap?: boolean;
  /** When service was restored after the failure. */
  restoredAt?: string;
  /**
   * The deploy used the approved release controls: its release candidate
   * was gated and passed (first time or after a re-run) with complete
   * evidence. False when no candidate was posted.
   */
  usedReleaseControls: boolean;
  source: string;
  externalId: string;
}

/** One check of an OpenSSF Scorecard run. @public */
export interface ScorecardCheck {
  name: string;
  /** 0..10; -1 when Scorecard could not decide (inconclusive). */
  score: number;
  reason?: string;
}

/** An OpenSSF Scorecard run for an entity's repository, as stored. @public */
export interface ScorecardRun {
  id: number;
  entityRef: string;
  /** e.g. github.com/org/repo */
  repository: string;
  commit?: string;
  scorecardVersion?: string;
  /** The aggregate score, 0..10. */
  score?: number;
  /** When Scorecard ran (the document's date). */
  scannedAt: string;
  receivedAt: string;
  checks: ScorecardCheck[];
}

/** Answer of POST /ingest for a Scorecard result. @public */
export interface ScorecardIngestResult {
  format: 'scorecard';
  entityRef: string;
  run: ScorecardRun;
  /** Set when the same run (repository, commit, date) was already stored. */
  replayOf?: number;
}

/**
 * The Scorecard checks that make up "required branch and environment
 * protections" (repo_protection_coverage, the repository-protection
 * control). @public
 */
export const REPO_PROTECTION_CHECKS = [
  'Branch-Protection',
  'Token-Permissions',
  'Dangerous-Workflow',
  'Pinned-Dependencies',
] as const;
