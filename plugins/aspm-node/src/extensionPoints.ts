import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { AspmEntity } from '@aspm/plugin-aspm-common';

/**
 * What the ASPM backend hands a source each time it pulls.
 * @public
 */
export interface AspmSourcePullContext {
  logger: LoggerService;
  /** The catalog entities (not gone) that the source may pull for. */
  listEntities(): Promise<AspmEntity[]>;
  /** Aborted when the scheduled task times out or the backend stops. */
  signal?: AbortSignal;
}

/**
 * An ingestion source: a backend module that pulls security data (findings,
 * exceptions, evidence) from an outside system into the ASPM store. Sources
 * register themselves through {@link aspmSourcesExtensionPoint}.
 * @public
 */
export interface AspmIngestionSource {
  /** A stable id, e.g. `github` or `defectdojo`; used in job ids and logs. */
  readonly id: string;
  /** One line for operators, shown in logs and the sources list. */
  readonly description: string;
  /** Pulls once. Thrown errors are logged and recorded; the next tick retries. */
  pull(context: AspmSourcePullContext): Promise<void>;
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
