import { FindingCategory, Severity } from '@aspm/plugin-aspm-common';

/** An entity as it was at `asOf`. */
export interface WorldEntity {
  entityRef: string;
  /** Lower case: component, group, system, domain... */
  kind: string;
  title?: string;
  type?: string;
  tier?: string;
  exposure?: string;
  owned: boolean;
  team?: string;
  businessUnit?: string;
  system?: string;
  domain?: string;
  /** Groups: spec.parent. */
  parentRef?: string;
  hasRepository: boolean;
  /** On an approved golden path (see the catalog's golden-path rule). */
  goldenPath?: boolean;
}

/** A finding as it was at `asOf`, replayed from its events. */
export interface WorldFinding {
  id: number;
  entityRef: string;
  tool: string;
  title: string;
  category: FindingCategory;
  ruleId: string;
  cwes: string[];
  severity: Severity;
  epss?: number;
  knownExploited: boolean;
  /** open | fixed | false_positive | accepted (covered by an exception or the scanner). */
  state: string;
  /** The portal exception covering it at asOf. */
  exceptionId?: number;
  firstSeenAt: number;
  /** Start of the open spell it is in at asOf (first seen, or last reopened). */
  spellStart: number;
}

/** A tool that had reported a finding on an entity. */
export interface WorldFindingSource {
  tool: string;
  entityRef: string;
}

/** A fix event in the window: the end of an open spell. */
export interface WorldFix {
  findingId: number;
  entityRef: string;
  severity: Severity;
  category: FindingCategory;
  spellStart: number;
  fixedAt: number;
}

/** A reopen event in the window. */
export interface WorldReopen {
  findingId: number;
  entityRef: string;
  at: number;
}

/** An exception active (approved, not expired, not revoked) at asOf. */
export interface WorldException {
  id: number;
  entityRef: string;
  category: string;
  approvedAt: number;
  expiresAt?: number;
  reviewAt?: number;
  hasCompensatingControl: boolean;
  source: string;
}

/** A release candidate recorded in the store. */
export interface WorldRelease {
  id: number;
  entityRef: string;
  version: string;
  environment: string;
  releasedAt: number;
  gated: boolean;
  firstPass: boolean;
  /** Gate types that failed at attempt 1. */
  failedFirst: string[];
  evidenceComplete: boolean;
}

/** A secret finding with its rotation, as of asOf. */
export interface WorldSecret {
  findingId: number;
  entityRef: string;
  title: string;
  /** Open (not fixed away, not false positive) at asOf. */
  open: boolean;
  validity: 'active' | 'inactive' | 'unknown';
  detectedAt: number;
  /** Rotation recorded at or before asOf. */
  rotatedAt?: number;
}

/** A scan of an entity, with the finding categories it covers. */
export interface WorldScan {
  entityRef: string;
  tool: string;
  at: number;
  categories: FindingCategory[];
}

/** A security review requested at or before asOf (later times unknown yet). */
export interface WorldReview {
  id: number;
  entityRef: string;
  kind: 'design-review' | 'threat-model' | 'pentest';
  source: string;
  requestedAt: number;
  firstResponseAt?: number;
  completedAt?: number;
}

/** An incident follow-up action created at or before asOf. */
export interface WorldIncidentAction {
  id: number;
  incidentId: string;
  title: string;
  severity: string;
  securityRelated: boolean;
  ownerEntityRef: string;
  createdAt: number;
  dueAt?: number;
  closedAt?: number;
}

/** A deploy at or before asOf (within the look-back). */
export interface WorldDeployment {
  id: number;
  entityRef: string;
  environment: string;
  version: string;
  source: string;
  deployedAt: number;
  firstCommitAt?: number;
  failedAt?: number;
  causedByControlGap: boolean;
  restoredAt?: number;
  usedReleaseControls: boolean;
}

/** An entity's latest OpenSSF Scorecard run at asOf: check name -> score. */
export interface WorldScorecard {
  entityRef: string;
  at: number;
  checks: Record<string, number>;
}

/** A portal exception's request and first decision (at or before asOf). */
export interface WorldExceptionDecision {
  id: number;
  entityRef: string;
  category: string;
  requestedAt: number;
  decidedAt: number;
  outcome: 'approved' | 'rejected';
}

/** The program signals of a world (reviews, incidents, deploys, Scorecard). */
export interface WorldSignals {
  reviews: WorldReview[];
  incidentActions: WorldIncidentAction[];
  deployments: WorldDeployment[];
  scorecards: WorldScorecard[];
  exceptionDecisions: WorldExceptionDecision[];
}

/** No program signals. */
export const NO_SIGNALS: WorldSignals = {
  reviews: [],
  incidentActions: [],
  deployments: [],
  scorecards: [],
  exceptionDecisions: [],
};

/**
 * Everything the metrics count, as of one instant (`asOf`, for stock
 * metrics) and over one window (`from`..`to`, for flow metrics). Built from
 * the stored history by the metrics store; read by pure functions.
 */
export interface MetricsWorld {
  asOf: number;
  from: number;
  to: number;
  /** Entities in the catalog at asOf, every kind. */
  entities: WorldEntity[];
  /**
   * Findings first seen at or before asOf. A store may leave out findings
   * fixed for good before the window (fixed before min(from, asOf), not
   * seen since, not secrets): no metric counts them, and they are most of
   * a long history. It then lists their sources in `findingSources`.
   */
  findings: WorldFinding[];
  /**
   * Every (tool, entity) a finding had been first seen for by asOf, when
   * `findings` may leave some out (the counting basis's sources); absent:
   * read from `findings`.
   */
  findingSources?: WorldFindingSource[];
  fixes: WorldFix[];
  reopens: WorldReopen[];
  exceptions: WorldException[];
  /** Releases at or before asOf (the window's and the coverage look-back's). */
  releases: WorldRelease[];
  secrets: WorldSecret[];
  /** Scans at or before asOf, within the coverage look-back. */
  scans: WorldScan[];
  /** Program signals; absent in a world built without them (none). */
  signals?: WorldSignals;
}
