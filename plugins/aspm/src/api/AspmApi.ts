import { createApiRef } from '@backstage/core-plugin-api';
import {
  AspmEntity,
  AspmRelease,
  GateTrend,
  SecretExposure,
  SecretRotationStatus,
  AspmException,
  AspmExceptionDetails,
  CatalogSyncRun,
  ExceptionAction,
  ExceptionApproval,
  ExceptionCategorySummary,
  ExceptionPolicy,
  ExceptionRequest,
  ExceptionSource,
  ExceptionStatus,
  Exposure,
  Finding,
  FindingCategory,
  FindingEvent,
  FindingState,
  Ingestion,
  OwnerResolution,
  OwnershipReport,
  Page,
  Severity,
  Tier,
  MetricDetail,
  MetricsReport,
  MetricTrend,
  OperatingMetricsReport,
  SecurityActionsResponse,
  EntityScorecard,
  TeamScorecard,
  DirectorPack,
  PackAudience,
  PackNarrativeRequest,
  PackNarrativeRevision,
  StrategicAsk,
  StrategicAskRequest,
  StrategicAskUpdate,
} from '@aspm/plugin-aspm-common';

/** Fields `GET /entities` can be ordered by. @public */
export type AspmEntityOrderBy =
  | 'entityRef'
  | 'name'
  | 'kind'
  | 'tier'
  | 'ownerResolution'
  | 'businessUnit'
  | 'owningTeam'
  | 'lastSyncedAt';

/** Query of {@link AspmApi.listEntities}. List fields are OR-ed. @public */
export interface ListAspmEntitiesRequest {
  kind?: string[];
  owner?: string[];
  team?: string[];
  businessUnit?: string[];
  tier?: Array<Tier | 'untiered'>;
  exposure?: Array<Exposure | 'unknown'>;
  ownerResolution?: OwnerResolution[];
  /** Free-text search. */
  q?: string;
  includeGone?: boolean;
  orderBy?: AspmEntityOrderBy;
  order?: 'asc' | 'desc';
  /** 1..500 */
  limit?: number;
  offset?: number;
}

/** Query of {@link AspmApi.getOwnership}. @public */
export interface GetOwnershipRequest {
  groupBy?: 'businessUnit' | 'team' | 'tier';
  /** YYYY-MM-DD or an ISO 8601 timestamp. */
  asOf?: string;
  kind?: string[];
  businessUnit?: string[];
  team?: string[];
  tier?: Array<Tier | 'untiered'>;
  /** 0..1000 */
  offendersLimit?: number;
}

/** Answer of {@link AspmApi.getCatalogSync}. @public */
export interface CatalogSyncStatus {
  lastRun?: CatalogSyncRun;
}

/** Fields `GET /findings` can be ordered by. @public */
export type FindingsOrderBy =
  | 'severity'
  | 'firstSeenAt'
  | 'lastSeenAt'
  | 'title'
  | 'tool';

/**
 * Query of {@link AspmApi.listFindings}. List fields are OR-ed, fields AND-ed.
 * Without `state` the backend answers findings in every state.
 * @public
 */
export interface ListFindingsRequest {
  entityRef?: string[];
  /** These findings only (at most 100), e.g. the ones behind a scorecard's number. */
  id?: number[];
  team?: string[];
  businessUnit?: string[];
  tier?: Array<Tier | 'untiered'>;
  severity?: Severity[];
  state?: FindingState[];
  category?: FindingCategory[];
  /** Tool names, e.g. `trivy`. */
  tool?: string[];
  /** Only findings first seen at least this many days ago. */
  minAgeDays?: number;
  /** `severity` ascending is most severe first. */
  orderBy?: FindingsOrderBy;
  order?: 'asc' | 'desc';
  /** 1..500 */
  limit?: number;
  offset?: number;
}

/** A finding with its history, as `GET /findings/:id` answers it. @public */
export type FindingWithEvents = Finding & { events: FindingEvent[] };

/** Query of {@link AspmApi.listIngestions}; newest first. @public */
export interface ListIngestionsRequest {
  entityRef?: string;
  /** 1..500 */
  limit?: number;
  offset?: number;
}

/** Fields `GET /exceptions` can be ordered by. @public */
export type ExceptionsOrderBy =
  | 'requestedAt'
  | 'expiresAt'
  | 'status'
  | 'entityRef';

/**
 * Query of {@link AspmApi.listExceptions}. List fields are OR-ed, fields
 * AND-ed. The backend orders by `requestedAt` descending by default.
 * @public
 */
export interface ListExceptionsRequest {
  entityRef?: string[];
  /** These exceptions only (at most 100), e.g. the ones behind a scorecard's number. */
  id?: number[];
  team?: string[];
  businessUnit?: string[];
  tier?: Array<Tier | 'untiered'>;
  status?: ExceptionStatus[];
  /** Exception categories (the policy's taxonomy). */
  category?: string[];
  source?: ExceptionSource[];
  /** Only exceptions requested at least this many days ago. */
  minAgeDays?: 30 | 90 | 180;
  /** Only exceptions without a review date. */
  noReviewDate?: boolean;
  /** Only exceptions without a compensating control. */
  noCompensatingControl?: boolean;
  /** Only approved exceptions expiring within this many days (not expired ones). */
  expiringWithinDays?: number;
  orderBy?: ExceptionsOrderBy;
  order?: 'asc' | 'desc';
  /** 1..500 */
  limit?: number;
  offset?: number;
}

/** Query of {@link AspmApi.getExceptionSummary}. @public */
export interface GetExceptionSummaryRequest {
  /** The backend counts requested and approved exceptions by default. */
  status?: ExceptionStatus[];
}

/**
 * Body of a decision: approve and renew need an expiry, reject and revoke a
 * note.
 * @public
 */
export type ExceptionDecisionBody = ExceptionApproval | { note: string };

/**
 * Query of {@link AspmApi.listReleases}; newest first by default. List
 * fields are OR-ed, fields AND-ed. @public
 */
export interface ListReleasesRequest {
  entityRef?: string[];
  team?: string[];
  businessUnit?: string[];
  tier?: Array<Tier | 'untiered'>;
  environment?: string[];
  /** Released at or after (ISO 8601 or YYYY-MM-DD). */
  from?: string;
  /** Released before. */
  to?: string;
  firstPass?: boolean;
  evidenceComplete?: boolean;
  outcome?: Array<AspmRelease['outcome']>;
  orderBy?: 'releasedAt' | 'entityRef' | 'version';
  order?: 'asc' | 'desc';
  /** 1..500 */
  limit?: number;
  offset?: number;
}

/** Query of {@link AspmApi.getGateTrend}. @public */
export interface GetGateTrendRequest {
  entityRef?: string[];
  team?: string[];
  businessUnit?: string[];
  tier?: Array<Tier | 'untiered'>;
  environment?: string[];
  /** 1..104, default 26. */
  weeks?: number;
}

/** Query of {@link AspmApi.listSecrets}: most urgent deadline first. @public */
export interface ListSecretsRequest {
  entityRef?: string[];
  team?: string[];
  businessUnit?: string[];
  tier?: Array<Tier | 'untiered'>;
  status?: SecretRotationStatus[];
  /** 1..500 */
  limit?: number;
  offset?: number;
}

/**
 * Time and scope of a metrics request. `scope`: `org` (default),
 * `businessUnit:<group ref>`, a Group ref (with its sub-teams), a System or
 * Domain ref, or an entity ref. `asOf`: YYYY-MM-DD (end of that UTC day);
 * `period`: `2026-10`, `2026-Q3`, `2026-W42`; or `from` / `to`. @public
 */
export interface GetMetricsRequest {
  scope?: string;
  asOf?: string;
  period?: string;
  from?: string;
  to?: string;
}

/** Query of {@link AspmApi.getMetricDetail}. @public */
export interface GetMetricDetailRequest extends GetMetricsRequest {
  /** 1..1000, default 100. */
  limit?: number;
  offset?: number;
}

/** Query of {@link AspmApi.getMetricTrend}. @public */
export interface GetMetricTrendRequest {
  scope?: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
  interval?: 'week' | 'month';
}

/** Query of {@link AspmApi.getActions}. @public */
export interface GetActionsRequest {
  scope?: string;
  /** 1..90, default 30. */
  withinDays?: number;
}

/** Query of {@link AspmApi.getOperatingMetrics}. @public */
export interface GetOperatingMetricsRequest {
  scope?: string;
  asOf?: string;
  /** 0..26, default 12. */
  weeks?: number;
  /** 0..12, default 6. */
  months?: number;
}

/** Options of {@link AspmApi.getEntityScorecard} and {@link AspmApi.getTeamScorecard}. @public */
export interface GetScorecardRequest {
  /** Weeks of the trends, 1..26 (default 12). */
  weeks?: number;
  /** Days ahead the actions look, 1..90 (default 30). */
  withinDays?: number;
  /** Top risks listed, 1..100 (default 10). */
  limit?: number;
}

/** Which pack: the scope (`org` or `businessUnit:<group>`) and the period. @public */
export interface GetPackRequest {
  /** Default `org`. */
  scope?: string;
  /** `2026-11`, `2026-Q3`, `2026-W42`, `2026-H2`; default the last full month. */
  period?: string;
}

/** Query of {@link AspmApi.exportPack}. @public */
export interface ExportPackRequest extends GetPackRequest {
  format: 'md' | 'csv';
  /** CSV: which table (default the scorecard). */
  table?: string;
}

/** An exported pack: the file the backend answered. @public */
export interface PackExport {
  fileName: string;
  contentType: string;
  text: string;
}

/** Query of {@link AspmApi.listStrategicAsks}. @public */
export interface ListStrategicAsksRequest {
  scope?: string;
  status?: 'open' | 'closed' | 'all';
}

/** Client of the ASPM backend. @public */
export interface AspmApi {
  listEntities(request?: ListAspmEntitiesRequest): Promise<Page<AspmEntity>>;
  /**
   * One entity by ref (e.g. `component:default/payments-api`). Rejects with a
   * `ResponseError` (status 404) when the ASPM store has not seen it.
   */
  getEntity(entityRef: string): Promise<AspmEntity>;
  getOwnership(request?: GetOwnershipRequest): Promise<OwnershipReport>;
  getCatalogSync(): Promise<CatalogSyncStatus>;
  /** Runs the catalog sync now and answers the finished run. */
  runCatalogSync(): Promise<CatalogSyncRun>;
  listFindings(request?: ListFindingsRequest): Promise<Page<Finding>>;
  /** One finding with its events; a `ResponseError` (404) when unknown. */
  getFinding(id: number): Promise<FindingWithEvents>;
  listIngestions(request?: ListIngestionsRequest): Promise<Page<Ingestion>>;
  /** The exception register; each item says what the caller may do with it. */
  listExceptions(request?: ListExceptionsRequest): Promise<Page<AspmException>>;
  /** One exception with its audit trail and covered findings; 404 when unknown. */
  getException(id: number): Promise<AspmExceptionDetails>;
  /** Categories, longest approval per tier and the "expiring soon" threshold. */
  getExceptionPolicy(): Promise<ExceptionPolicy>;
  /** Exceptions per business unit and category, to spot repeated categories. */
  getExceptionSummary(
    request?: GetExceptionSummaryRequest,
  ): Promise<ExceptionCategorySummary>;
  /** Requests an exception; a `ResponseError` (400) says what is invalid. */
  requestException(body: ExceptionRequest): Promise<AspmExceptionDetails>;
  listReleases(request?: ListReleasesRequest): Promise<Page<AspmRelease>>;
  /** One release with gates, evidence and checklist; 404 when unknown. */
  getRelease(id: number): Promise<AspmRelease>;
  /** Weekly first-pass / passed after re-run / blocked counts. */
  getGateTrend(request?: GetGateTrendRequest): Promise<GateTrend>;
  /** Secret findings with their rotation deadline. */
  listSecrets(request?: ListSecretsRequest): Promise<Page<SecretExposure>>;
  /** Records that a leaked secret was rotated (default: now). */
  recordSecretRotation(
    findingId: number,
    body?: { rotatedAt?: string; note?: string },
  ): Promise<SecretExposure>;
  /**
   * Approves, rejects, revokes or renews an exception. Rejects with a
   * `ResponseError`: 400 (invalid body, e.g. beyond the tier's maximum), 403
   * (e.g. deciding one's own request), 404, or 409 (not allowed in the
   * current status).
   */
  decideException(
    id: number,
    action: ExceptionAction,
    body: ExceptionDecisionBody,
  ): Promise<AspmExceptionDetails>;
  /** The director metrics of a scope, with status and direction. */
  getMetrics(request?: GetMetricsRequest): Promise<MetricsReport>;
  /** One metric with its segments and a page of the items behind it. */
  getMetricDetail(
    id: string,
    request?: GetMetricDetailRequest,
  ): Promise<MetricDetail>;
  /** A metric at each week's or month's end, with counting-change markers. */
  getMetricTrend(
    id: string,
    request: GetMetricTrendRequest,
  ): Promise<MetricTrend>;
  /** The next days' work of a scope, derived from its current state. */
  getActions(request?: GetActionsRequest): Promise<SecurityActionsResponse>;
  /** Weekly and monthly operating metrics of a scope. */
  getOperatingMetrics(
    request?: GetOperatingMetricsRequest,
  ): Promise<OperatingMetricsReport>;
  /**
   * The Security tab of a Component or System, section by section; a
   * `ResponseError` (404) when the ASPM store has not seen it.
   */
  getEntityScorecard(
    entityRef: string,
    request?: GetScorecardRequest,
  ): Promise<EntityScorecard>;
  /** The scorecard of a Group with its sub-teams; 404 when unknown. */
  getTeamScorecard(
    groupRef: string,
    request?: GetScorecardRequest,
  ): Promise<TeamScorecard>;
  /** A director pack (A leadership, B managers, C board) for a scope and period. */
  getPack(
    audience: PackAudience,
    request?: GetPackRequest,
  ): Promise<DirectorPack>;
  /** The same pack as Markdown or CSV, with the file name the backend gives it. */
  exportPack(
    audience: PackAudience,
    request: ExportPackRequest,
  ): Promise<PackExport>;
  /** Saved revisions of a pack's narrative, newest first. */
  listPackNarratives(
    audience: PackAudience,
    request: GetPackRequest & { period: string },
  ): Promise<PackNarrativeRevision[]>;
  /** Saves the edited narrative of a pack (needs aspm.pack.edit). */
  savePackNarrative(
    audience: PackAudience,
    request: GetPackRequest & { period: string },
    body: PackNarrativeRequest,
  ): Promise<PackNarrativeRevision>;
  listStrategicAsks(
    request?: ListStrategicAsksRequest,
  ): Promise<StrategicAsk[]>;
  /** Raises a strategic ask (needs aspm.pack.edit). */
  createStrategicAsk(body: StrategicAskRequest): Promise<StrategicAsk>;
  /** Edits, closes or reopens a strategic ask (needs aspm.pack.edit). */
  updateStrategicAsk(
    id: number,
    body: StrategicAskUpdate,
  ): Promise<StrategicAsk>;
}

/** @public */
export const aspmApiRef = createApiRef<AspmApi>({ id: 'plugin.aspm.api' });
