import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  AspmEntity,
  IngestResult,
  ParsedFinding,
} from '@aspm/plugin-aspm-common';

/**
 * One scan a source submits: the full current picture of one tool (and run
 * key) for one entity. Findings absent from it are fixed at `scannedAt`,
 * unless the source reports their state itself (`ParsedFinding.sourceState`).
 * A source that could not read an entity completely must not submit a scan
 * for it, so nothing it did not see gets closed.
 * @public
 */
export interface AspmSourceScan {
  entityRef: string;
  tool: { name: string; version?: string };
  runKey?: string;
  scannedAt: Date;
  findings: ParsedFinding[];
}

/**
 * What the ASPM backend hands a source each time it pulls.
 * @public
 */
export interface AspmSourcePullContext {
  logger: LoggerService;
  /** The catalog entities (not gone) that the source may pull for. */
  listEntities(): Promise<AspmEntity[]>;
  /** Stores one scan through the same code path as a push (one transaction). */
  submitScan(scan: AspmSourceScan): Promise<IngestResult>;
  /**
   * Stores the source's risk acceptances for one entity as exceptions (source
   * = the source's id), matched by `externalId`: new ones are created, changed
   * ones updated with an audit event, unchanged ones left alone (a replay
   * changes nothing). One transaction. Submit the entity's scan first, so the
   * findings they cover exist.
   */
  submitExceptions(
    batch: AspmSourceExceptions,
  ): Promise<AspmExceptionImportResult>;
  /** Aborted when the scheduled task times out or the backend stops. */
  signal?: AbortSignal;
}

/** A risk acceptance decided in a source tool (DefectDojo, GitHub). @public */
export interface AspmImportedException {
  /** Stable id in the source, e.g. `defectdojo:risk_acceptance:12` or `github:acme/repo:dependabot:7`. */
  externalId: string;
  /** The source's words: decision details, dismissal comment... */
  reason: string;
  /** One of the configured categories; default `other`. */
  category?: string;
  status: 'requested' | 'approved' | 'rejected' | 'expired' | 'revoked';
  /** Who asked / decided, as the source names them (free text, e.g. `github:octocat`). */
  requestedBy?: string;
  requestedAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
  /** None for GitHub dismissals: they never expire (unmanaged debt). */
  expiresAt?: Date;
  reviewAt?: Date;
  /** The findings it covers, by the tool and fingerprint of the scan submitted for them. */
  findings: Array<{ tool: string; fingerprint: string; runKey?: string }>;
}

/** Exceptions of one entity from one source. @public */
export interface AspmSourceExceptions {
  entityRef: string;
  exceptions: AspmImportedException[];
  /**
   * The batch is everything the source holds for the entity now (its whole
   * listing was read). The entity's live exceptions from this source that
   * the batch no longer lists are then revoked: they were withdrawn in the
   * source. Leave it unset for a partial read, which retires nothing.
   */
  complete?: boolean;
}

/** What submitExceptions did. @public */
export interface AspmExceptionImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Live exceptions revoked because a complete batch no longer lists them. */
  retired: number;
  /** Finding references that matched no stored finding of the entity. */
  unmatchedFindings: number;
}

/** What one pull did, for the ingestion log. @public */
export interface AspmSourcePullResult {
  /** Entities pulled completely. */
  entities: number;
  /** Entities skipped because the source could not be read for them, with why. */
  errors: Array<{ entityRef: string; message: string }>;
}

/**
 * An ingestion source: a backend module that pulls security data (findings,
 * exceptions, evidence) from an outside system into the ASPM store. Sources
 * register themselves through {@link aspmSourcesExtensionPoint}, modelled on
 * tech-insights' fact retrievers.
 * @public
 */
export interface AspmIngestionSource {
  /** A stable id, e.g. `github` or `defectdojo`; used in job ids, logs and `/sources/:id/run`. */
  readonly id: string;
  /** One line for operators, shown in logs and the sources list. */
  readonly description: string;
  /** When to pull; default every hour. */
  readonly schedule?: SchedulerServiceTaskScheduleDefinition;
  /** Pulls once. A thrown error is recorded in the ingestion log; the next tick retries. */
  pull(context: AspmSourcePullContext): Promise<AspmSourcePullResult>;
}

/**
 * The extension point that ASPM ingestion sources plug into.
 * @public
 */
export interface AspmSourcesExtensionPoint {
  addSource(...sources: AspmIngestionSource[]): void;
}

/** @public */
export const aspmSourcesExtensionPoint =
  createExtensionPoint<AspmSourcesExtensionPoint>({
    id: 'aspm.sources',
  });
