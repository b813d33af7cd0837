import { InputError, NotFoundError } from '@backstage/errors';
import {
  IngestQuery,
  IngestResult,
  ParsedScan,
  ScorecardIngestResult,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { FindingsStore } from '../database/FindingsStore';
import {
  decodeBody,
  parseJson,
  parseScanBodyAsync,
  parseScanDocument,
} from './parsers/parseScan';
import { STREAM_THRESHOLD_BYTES } from './parsers/streamSarif';
import { isScorecardResult } from '../signals/parseScorecardResult';
import { ProgramSignalsService } from '../signals/ProgramSignalsService';

/** How far in the future a scan time may be (clock skew of CI runners). */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/**
 * Push ingestion: parse a scanner's file, resolve the entity, pick each run's
 * scan time, and hand the whole upload to the store as one transaction.
 */
export class IngestService {
  constructor(
    private readonly deps: {
      store: AspmStore;
      findings: FindingsStore;
      /** Takes OpenSSF Scorecard results (repository protections). */
      signals?: ProgramSignalsService;
    },
  ) {}

  async resolveEntity(query: IngestQuery): Promise<string> {
    if (query.entityRef) {
      const entity = await this.deps.store.getEntity(query.entityRef);
      if (!entity || entity.goneAt) {
        throw new NotFoundError(
          `No entity ${query.entityRef.toLocaleLowerCase(
            'en-US',
          )} in the catalog (or the catalog sync has not seen it yet)`,
        );
      }
      return entity.entityRef;
    }
    const slug = query.repository!.toLocaleLowerCase('en-US');
    const page = await this.deps.store.listEntities({
      repository: slug,
      orderBy: 'entityRef',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    const candidates = page.items.filter(e =>
      ['component', 'resource', 'api', 'system'].includes(e.kind),
    );
    if (!candidates.length) {
      throw new NotFoundError(
        `No catalog entity has the repository ${slug} (annotations github.com/project-slug or backstage.io/source-location)`,
      );
    }
    const components = candidates.filter(e => e.kind === 'component');
    const pick = components.length === 1 ? components : candidates;
    if (pick.length > 1) {
      throw new InputError(
        `Several entities have the repository ${slug} (${pick
          .map(e => e.entityRef)
          .join(', ')}): pass entityRef instead`,
      );
    }
    return pick[0].entityRef;
  }

  async ingest(options: {
    body: Buffer;
    query: IngestQuery;
    actor?: string;
    source?: string;
    now?: Date;
  }): Promise<IngestResult | ScorecardIngestResult> {
    const now = options.now ?? new Date();
    let scan: ParsedScan;
    if (options.body.length < STREAM_THRESHOLD_BYTES) {
      const doc = parseJson(decodeBody(options.body));
      if (this.deps.signals && isScorecardResult(doc)) {
        // Not findings: per-check scores of the repository, kept as runs.
        const entityRef = await this.resolveEntity(options.query);
        return this.deps.signals.ingestScorecard(
          doc,
          entityRef,
          options.actor,
          now,
        );
      }
      scan = parseScanDocument(doc);
    } else {
      scan = await parseScanBodyAsync(options.body);
    }
    const entityRef = await this.resolveEntity(options.query);
    const observedAt = options.query.observedAt
      ? new Date(options.query.observedAt)
      : undefined;
    const runs = scan.runs.map(run => {
      const scannedAt = run.scannedAt
        ? new Date(run.scannedAt)
        : observedAt ?? now;
      if (Number.isNaN(scannedAt.getTime())) {
        throw new InputError(
          `The scan time of ${run.tool.name} ("${run.scannedAt}") is not a date`,
        );
      }
      if (scannedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        throw new InputError(
          `The scan time of ${
            run.tool.name
          } (${scannedAt.toISOString()}) is in the future`,
        );
      }
      return { ...run, scannedAt };
    });
    return this.deps.findings.ingest({
      source: options.source ?? 'push',
      actor: options.actor,
      format: scan.format,
      entityRef,
      runs,
      receivedAt: now,
    });
  }
}
