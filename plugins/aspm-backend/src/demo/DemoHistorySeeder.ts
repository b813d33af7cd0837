import { LoggerService } from '@backstage/backend-plugin-api';
import { ExceptionsStore } from '../database/ExceptionsStore';
import { demoExceptionPlan } from './demoExceptionPlan';
import { DemoExceptionTimeline } from './DemoExceptionTimeline';
import { importDemoSourceExceptions } from './importDemoSourceExceptions';
import { ReleaseService } from '../releases/ReleaseService';
import {
  AspmEntity,
  deploymentInputSchema,
  incidentActionsInputSchema,
  ReleaseInput,
  releaseInputSchema,
  reviewInputSchema,
} from '@aspm/plugin-aspm-common';
import { ProgramSignalsService } from '../signals/ProgramSignalsService';
import { generateDemoSignals } from './generateDemoSignals';
import { demoTierOnboarding } from './demoTierOnboarding';
import { generateDemoReleases } from './generateDemoReleases';
import { recordDemoRotations } from './recordDemoRotations';
import { ConflictError } from '@backstage/errors';
import { AspmStore } from '../database/AspmStore';
import { FindingsStore } from '../database/FindingsStore';
import { IngestService } from '../ingest/IngestService';
import { CatalogSyncer } from '../catalog/CatalogSyncer';
import {
  DemoUpload,
  demoToolsFor,
  demoUploadsFor,
} from './generateDemoHistory';

/** Progress of the demo load, for GET /demo and the start script. */
export interface DemoStatus {
  state: 'disabled' | 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error?: string;
}

const SOURCE = 'demo';
/** The demo pipelines' service principal. */
const DEMO_CI = 'external:demo-ci';

/**
 * Loads a year of weekly scan history for the demo org through the same
 * ingest path as a CI push (never by writing rows), once: a database that
 * already has demo ingestions is left alone. Enabled by `aspm.demo.enabled`.
 */
export class DemoHistorySeeder {
  private status: DemoStatus = { state: 'idle', done: 0, total: 0 };
  private running?: Promise<DemoStatus>;

  constructor(
    private readonly deps: {
      store: AspmStore;
      findings: FindingsStore;
      ingest: IngestService;
      syncer: CatalogSyncer;
      logger: LoggerService;
      /** When given, the demo also records exceptions over the year. */
      exceptions?: ExceptionsStore;
      /** When given, the demo also posts a year of releases and rotations. */
      releases?: ReleaseService;
      /**
       * When given (with releases), the demo also posts security reviews,
       * incident follow-ups, deploys and OpenSSF Scorecard runs.
       */
      signals?: ProgramSignalsService;
      /** Exception categories (config), for the imported demo exceptions. */
      categories?: string[];
      weeks?: number;
      /** Pause between catalog syncs while waiting for the catalog to settle. */
      settleMs?: number;
    },
  ) {}

  getStatus(): DemoStatus {
    return { ...this.status };
  }

  run(now = new Date()): Promise<DemoStatus> {
    if (!this.running) {
      this.status = { ...this.status, state: 'running' };
      this.running = this.load(now).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /**
   * At start the catalog is still ingesting: sync until a sync changes
   * nothing, so the history covers every component (at most ~2 minutes).
   */
  private async waitForStableCatalog(): Promise<void> {
    for (let attempt = 0; attempt < 24; attempt++) {
      const run = await this.deps.syncer.run('startup');
      const c = run.counts;
      if (c && c.read > 0 && c.added + c.changed + c.gone === 0) return;
      await new Promise(r => setTimeout(r, this.deps.settleMs ?? 5000));
    }
  }

  /**
   * Posts the demo's releases through the same service as POST /releases
   * (as CI posts them), then records secret rotations. A candidate already
   * stored differently (a load on an earlier day) is skipped.
   */
  private async postDemoReleases(
    releases: ReleaseInput[],
    now: Date,
  ): Promise<void> {
    const service = this.deps.releases;
    if (!service) return;
    let skipped = 0;
    for (const body of releases) {
      try {
        // Validated like a POST body, then stored by the same service.
        await service.post(releaseInputSchema.parse(body), DEMO_CI);
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        skipped += 1;
      }
      this.status.done += 1;
      // SQLite calls are synchronous: let the server answer requests meanwhile.
      await new Promise(resolve => setImmediate(resolve));
    }
    const rotated = await recordDemoRotations(service, now);
    this.deps.logger.info(
      `Demo history: ${
        releases.length - skipped
      } releases posted (${skipped} already there), ${rotated} secret rotations recorded`,
    );
  }

  /**
   * Posts the demo's program signals through the same services as their
   * HTTP routes (Scorecard results through the ingest path).
   */
  private async postDemoSignals(
    entities: AspmEntity[],
    releases: ReleaseInput[],
    now: Date,
  ): Promise<void> {
    const service = this.deps.signals;
    if (!service) return;
    const signals = generateDemoSignals(entities, releases, {
      now,
      weeks: this.deps.weeks,
    });
    const yieldToServer = () => new Promise(r => setImmediate(r));
    for (const review of signals.reviews) {
      await service.postReview(reviewInputSchema.parse(review), DEMO_CI, now);
      await yieldToServer();
    }
    for (const { id, body } of signals.incidents) {
      await service.postIncidentActions(
        id,
        incidentActionsInputSchema.parse(body),
        now,
      );
    }
    for (const deploy of signals.deployments) {
      await service.postDeployment(
        deploymentInputSchema.parse(deploy),
        DEMO_CI,
        now,
      );
      await yieldToServer();
    }
    for (const run of signals.scorecards) {
      await this.deps.ingest.ingest({
        body: Buffer.from(JSON.stringify(run.doc)),
        query: { entityRef: run.entityRef },
        source: SOURCE,
        actor: 'demo',
        now,
      });
      await yieldToServer();
    }
    this.deps.logger.info(
      `Demo history: ${signals.reviews.length} security reviews, ${signals.incidents.length} incidents, ${signals.deployments.length} deploys, ${signals.scorecards.length} Scorecard runs posted`,
    );
  }

  private async load(now: Date): Promise<DemoStatus> {
    const { store, findings, ingest, logger } = this.deps;
    try {
      await this.waitForStableCatalog();
      // The demo org has been in the catalog for the year of its history,
      // so metrics as of past dates see it.
      const weeks = this.deps.weeks ?? 52;
      await store.backdateFirstVersions(
        new Date(now.getTime() - (weeks * 7 + 1) * 86_400_000),
      );
      const entities = await store.listEntitiesAsOf({
        asOf: new Date(),
        kinds: ['component'],
      });
      const uploads: DemoUpload[] = entities.flatMap(entity =>
        demoToolsFor(entity).flatMap(tool =>
          demoUploadsFor(entity, tool, { now, weeks: this.deps.weeks }),
        ),
      );
      uploads.sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
      const last = uploads[uploads.length - 1];
      if (
        !last ||
        (await findings.hasScanAt(last.entityRef, last.observedAt))
      ) {
        this.status = {
          state: 'done',
          done: uploads.length,
          total: uploads.length,
        };
        logger.info('Demo history already loaded');
        // A store loaded before releases existed gets them now.
        const stored = await this.deps.releases?.list(
          {
            orderBy: 'releasedAt',
            order: 'desc',
            limit: 1,
            offset: 0,
          },
          undefined,
        );
        const releases = generateDemoReleases(entities, {
          now,
          weeks: this.deps.weeks,
        });
        if (stored && stored.totalCount === 0) {
          await this.postDemoReleases(releases, now);
        }
        // A store loaded before program signals existed gets them now.
        const reviews = await this.deps.signals?.listReviews({
          limit: 1,
          offset: 0,
        });
        if (reviews && reviews.totalCount === 0) {
          await this.postDemoSignals(entities, releases, now);
        }
        return this.getStatus();
      }
      const releases = this.deps.releases
        ? generateDemoReleases(entities, { now, weeks: this.deps.weeks })
        : [];
      // Golden paths first: the tier onboarding then splits the earliest version.
      const golden = generateDemoSignals(entities, [], {
        now,
        weeks: this.deps.weeks,
      }).goldenPathOnboarding;
      for (const ref of golden.entityRefs) {
        await store.addEarlierVersion(ref, golden.until, { goldenPath: null });
      }
      const onboarding = demoTierOnboarding(entities, {
        now,
        weeks: this.deps.weeks,
      });
      let untiered = 0;
      for (const ref of onboarding.entityRefs) {
        if (
          await store.addEarlierVersion(ref, onboarding.until, { tier: null })
        )
          untiered += 1;
      }
      logger.info(
        `Demo history: ${untiered} components untiered until ${onboarding.until.toISOString()} (the demo's counting change)`,
      );
      this.status = {
        state: 'running',
        done: 0,
        total: uploads.length + releases.length,
      };
      logger.info(
        `Loading demo history: ${uploads.length} weekly scans of ${entities.length} components`,
      );
      let lastLogged = 0;
      const timeline = this.deps.exceptions
        ? new DemoExceptionTimeline(
            this.deps.exceptions,
            demoExceptionPlan(entities, now),
          )
        : undefined;
      for (const upload of uploads) {
        await timeline?.until(upload.observedAt);
        try {
          await ingest.ingest({
            body: Buffer.from(upload.body),
            query: {
              entityRef: upload.entityRef,
              observedAt: upload.observedAt.toISOString(),
            },
            source: SOURCE,
            actor: 'demo',
            now,
          });
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e; // newer data already there: skip
        }
        this.status.done += 1;
        // SQLite calls are synchronous: let the server answer requests meanwhile.
        await new Promise(resolve => setImmediate(resolve));
        const pct = Math.floor((this.status.done / uploads.length) * 10);
        if (pct > lastLogged) {
          lastLogged = pct;
          logger.info(
            `Demo history: ${this.status.done}/${uploads.length} scans`,
          );
        }
      }
      await timeline?.until(now);
      if (this.deps.exceptions) {
        const n = await importDemoSourceExceptions({
          entities,
          findings,
          exceptions: this.deps.exceptions,
          categories: this.deps.categories ?? [],
          now,
        });
        logger.info(
          `Demo history: imported ${n} GitHub / DefectDojo exceptions`,
        );
      }
      await this.postDemoReleases(releases, now);
      await this.postDemoSignals(entities, releases, now);
      this.status.state = 'done';
      return this.getStatus();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.status = { ...this.status, state: 'failed', error: message };
      logger.error(`Loading demo history failed: ${message}`);
      return this.getStatus();
    }
  }
}
