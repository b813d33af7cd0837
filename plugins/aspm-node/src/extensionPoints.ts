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
  /** Aborted when the scheduled task times out or the backend stops. */
  signal?: AbortSignal;
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
