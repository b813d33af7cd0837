import {
  Deployment,
  Incident,
  IncidentAction,
  Page,
  ScorecardCheck,
  ScorecardRun,
  SecurityReview,
} from '@aspm/plugin-aspm-common';

/** A review as the service hands it to the store (times as instants). */
export interface ReviewRecord {
  entityRef: string;
  kind: SecurityReview['kind'];
  source: string;
  externalId: string;
  title?: string;
  requestedAt: Date;
  firstResponseAt?: Date;
  completedAt?: Date;
  outcome?: SecurityReview['outcome'];
  link?: string;
  postedBy?: string;
}

/** An incident's actions as the service hands them to the store. */
export interface IncidentActionsRecord {
  incident: Omit<Incident, 'openedAt'> & { openedAt?: Date };
  actions: Array<{
    externalId: string;
    title: string;
    ownerEntityRef: string;
    createdAt: Date;
    dueAt?: Date;
    closedAt?: Date;
  }>;
}

/** A deploy as the service hands it to the store. */
export interface DeploymentRecord {
  entityRef: string;
  environment: string;
  version: string;
  deployedAt: Date;
  firstCommitAt?: Date;
  failedAt?: Date;
  causedByControlGap?: boolean;
  restoredAt?: Date;
  source: string;
  externalId: string;
  postedBy?: string;
}

/** A Scorecard run as the service hands it to the store. */
export interface ScorecardRecord {
  entityRef: string;
  repository: string;
  commit?: string;
  scorecardVersion?: string;
  score?: number;
  scannedAt: Date;
  checks: ScorecardCheck[];
  /** sha256 of the canonical run (repository, commit, date, checks). */
  contentHash: string;
  postedBy?: string;
}

/** What an upsert did. */
export interface Upserted<T> {
  value: T;
  created: boolean;
  /** False for a replay: nothing was written. */
  changed: boolean;
}

/** An incident action with its incident. */
export type IncidentActionWithIncident = IncidentAction & {
  incident: Incident;
};

/** The program signals the metrics count, as stored now (times in ms). */
export interface StoredSignals {
  reviews: Array<{
    id: number;
    entityRef: string;
    kind: SecurityReview['kind'];
    source: string;
    requestedAt: number;
    firstResponseAt?: number;
    completedAt?: number;
  }>;
  incidentActions: Array<{
    id: number;
    incidentId: string;
    title: string;
    severity: Incident['severity'];
    securityRelated: boolean;
    ownerEntityRef: string;
    createdAt: number;
    dueAt?: number;
    closedAt?: number;
  }>;
  deployments: Array<{
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
  }>;
  /** The latest Scorecard run of each entity at or before asOf. */
  scorecards: Array<{
    entityRef: string;
    at: number;
    checks: Record<string, number>;
  }>;
}

/** Program signals: reviews, incident follow-ups, deployments, Scorecard runs. */
export interface SignalsStore {
  upsertReview(
    review: ReviewRecord,
    now: Date,
  ): Promise<Upserted<SecurityReview>>;
  listReviews(query: {
    entityRefs?: string[];
    kinds?: string[];
    waiting?: boolean;
    limit: number;
    offset: number;
  }): Promise<Page<SecurityReview>>;

  upsertIncidentActions(
    incidentId: string,
    record: IncidentActionsRecord,
    now: Date,
  ): Promise<{
    incident: Incident;
    actions: IncidentAction[];
    created: number;
    updated: number;
    unchanged: number;
  }>;
  listIncidentActions(query: {
    ownerEntityRefs?: string[];
    incidentIds?: string[];
    open?: boolean;
    limit: number;
    offset: number;
  }): Promise<Page<IncidentActionWithIncident>>;

  upsertDeployment(
    deployment: DeploymentRecord,
    now: Date,
  ): Promise<Upserted<Deployment>>;
  listDeployments(query: {
    entityRefs?: string[];
    environments?: string[];
    failed?: boolean;
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
  }): Promise<Page<Deployment>>;

  /** Stores a run; a run already stored (same content) is not written again. */
  saveScorecardRun(
    run: ScorecardRecord,
    now: Date,
  ): Promise<{ run: ScorecardRun; replayOf?: number }>;
  listScorecardRuns(query: {
    entityRefs?: string[];
    limit: number;
    offset: number;
  }): Promise<Page<ScorecardRun>>;

  /**
   * What the metrics of one instant read: reviews requested, actions
   * created and deploys made at or before `asOf` (deploys from `since`),
   * and each entity's latest Scorecard run at or before `asOf` no older
   * than `scorecardSince`.
   */
  signalsAsOf(options: {
    asOf: number;
    since: number;
    scorecardSince: number;
  }): Promise<StoredSignals>;

  /** {@link SignalsStore.signalsAsOf} for several instants, from one read. */
  signalsAsOfEach(
    list: Array<{ asOf: number; since: number; scorecardSince: number }>,
  ): Promise<StoredSignals[]>;
}
