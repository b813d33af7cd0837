import { InputError, NotFoundError } from '@backstage/errors';
import {
  DeploymentInput,
  DeploymentsQuery,
  IncidentActionsInput,
  IncidentActionsQuery,
  IncidentActionsResult,
  ReviewInput,
  ReviewsQuery,
  ScorecardIngestResult,
  ScorecardsQuery,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { SignalsStore } from '../database/SignalsStore';
import { startOfDateInput } from '../util/time';
import { parseScorecardResult } from './parseScorecardResult';

const lower = (refs?: string[]) => refs?.map(r => r.toLocaleLowerCase('en-US'));

/** How far in the future a reported time may be (clock skew). */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/**
 * Program signals posted by the tools that track them: security reviews,
 * incident follow-up actions, deployments, OpenSSF Scorecard runs. Each
 * post is validated against the catalog and the clock, then written in one
 * transaction; a replay changes nothing.
 */
export class ProgramSignalsService {
  constructor(
    private readonly deps: { store: AspmStore; signals: SignalsStore },
  ) {}

  /** The entity refs (lower case) of `refs`; InputError naming unknown ones. */
  private async requireEntities(
    refs: Array<{ ref: string; path: string }>,
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const { ref, path } of refs) {
      const key = ref.toLocaleLowerCase('en-US');
      if (out.has(key)) continue;
      const entity = await this.deps.store.getEntity(key);
      if (!entity || entity.goneAt) {
        missing.push(`${path}: no entity ${key} in the catalog`);
      } else {
        out.set(key, entity.entityRef);
      }
    }
    if (missing.length) {
      throw new InputError(
        `${missing.slice(0, 5).join('; ')}${
          missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''
        } (or the catalog sync has not seen it yet)`,
      );
    }
    return out;
  }

  /** A reported time as an instant; InputError when it is in the future. */
  private time(value: string, path: string, now: Date): Date;
  private time(
    value: string | undefined,
    path: string,
    now: Date,
  ): Date | undefined;
  private time(value: string | undefined, path: string, now: Date) {
    if (value === undefined) return undefined;
    const t = startOfDateInput(value);
    if (t.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new InputError(`${path}: ${t.toISOString()} is in the future`);
    }
    return t;
  }

  async postReview(
    input: ReviewInput,
    actor: string | undefined,
    now = new Date(),
  ) {
    const refs = await this.requireEntities([
      { ref: input.entityRef, path: 'body.entityRef' },
    ]);
    const requestedAt = this.time(input.requestedAt, 'body.requestedAt', now);
    return this.deps.signals.upsertReview(
      {
        entityRef: refs.get(input.entityRef.toLocaleLowerCase('en-US'))!,
        kind: input.kind,
        source: input.source,
        externalId:
          input.externalId ?? `${input.kind}:${requestedAt.toISOString()}`,
        title: input.title,
        requestedAt,
        firstResponseAt: this.time(
          input.firstResponseAt,
          'body.firstResponseAt',
          now,
        ),
        completedAt: this.time(input.completedAt, 'body.completedAt', now),
        outcome: input.outcome,
        link: input.link,
        postedBy: actor,
      },
      now,
    );
  }

  async listReviews(query: ReviewsQuery, entityRefs?: string[]) {
    return this.deps.signals.listReviews({
      entityRefs: entityRefs ?? lower(query.entityRef),
      kinds: query.kind,
      waiting: query.waiting,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async postIncidentActions(
    incidentId: string,
    input: IncidentActionsInput,
    now = new Date(),
  ): Promise<IncidentActionsResult> {
    const refs = await this.requireEntities(
      input.actions.map((a, i) => ({
        ref: a.ownerEntityRef,
        path: `body.actions.${i}.ownerEntityRef`,
      })),
    );
    const openedAt = this.time(
      input.incident.openedAt,
      'body.incident.openedAt',
      now,
    );
    const actions = input.actions.map((a, i) => {
      const path = `body.actions.${i}`;
      const createdAt =
        this.time(a.createdAt, `${path}.createdAt`, now) ?? openedAt ?? now;
      const closedAt = this.time(a.closedAt, `${path}.closedAt`, now);
      if (closedAt && closedAt < createdAt) {
        throw new InputError(`${path}.closedAt: must not be before createdAt`);
      }
      return {
        externalId: a.id,
        title: a.title,
        ownerEntityRef: refs.get(a.ownerEntityRef.toLocaleLowerCase('en-US'))!,
        createdAt,
        // A due date may lie ahead.
        dueAt: a.dueAt === undefined ? undefined : startOfDateInput(a.dueAt),
        closedAt,
      };
    });
    const result = await this.deps.signals.upsertIncidentActions(
      incidentId,
      {
        incident: {
          id: incidentId,
          title: input.incident.title,
          severity: input.incident.severity,
          securityRelated: input.incident.securityRelated,
          openedAt,
          link: input.incident.link,
        },
        actions,
      },
      now,
    );
    return result;
  }

  async listIncidentActions(
    query: IncidentActionsQuery,
    entityRefs?: string[],
  ) {
    return this.deps.signals.listIncidentActions({
      ownerEntityRefs: entityRefs ?? lower(query.ownerEntityRef),
      incidentIds: query.incidentId,
      open: query.open,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async postDeployment(
    input: DeploymentInput,
    actor: string | undefined,
    now = new Date(),
  ) {
    const refs = await this.requireEntities([
      { ref: input.entityRef, path: 'body.entityRef' },
    ]);
    const deployedAt = this.time(input.deployedAt, 'body.deployedAt', now);
    return this.deps.signals.upsertDeployment(
      {
        entityRef: refs.get(input.entityRef.toLocaleLowerCase('en-US'))!,
        environment: input.environment,
        version: input.version,
        deployedAt,
        firstCommitAt: this.time(
          input.firstCommitAt,
          'body.firstCommitAt',
          now,
        ),
        failedAt: this.time(input.failedAt, 'body.failedAt', now),
        causedByControlGap: input.causedByControlGap,
        restoredAt: this.time(input.restoredAt, 'body.restoredAt', now),
        source: input.source,
        externalId:
          input.externalId ??
          `${input.environment}:${input.version}:${deployedAt.toISOString()}`,
        postedBy: actor,
      },
      now,
    );
  }

  async listDeployments(query: DeploymentsQuery, entityRefs?: string[]) {
    return this.deps.signals.listDeployments({
      entityRefs: entityRefs ?? lower(query.entityRef),
      environments: query.environment,
      failed: query.failed,
      from: query.from ? startOfDateInput(query.from) : undefined,
      to: query.to ? startOfDateInput(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
  }

  /** Stores an OpenSSF Scorecard result for an entity (POST /ingest). */
  async ingestScorecard(
    doc: unknown,
    entityRef: string,
    actor: string | undefined,
    now = new Date(),
  ): Promise<ScorecardIngestResult> {
    const parsed = parseScorecardResult(doc);
    if (parsed.scannedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new InputError(
        `Invalid OpenSSF Scorecard result: date ${parsed.scannedAt.toISOString()} is in the future`,
      );
    }
    const { run, replayOf } = await this.deps.signals.saveScorecardRun(
      { ...parsed, entityRef, postedBy: actor },
      now,
    );
    return { format: 'scorecard', entityRef, run, replayOf };
  }

  async listScorecards(query: ScorecardsQuery) {
    const page = await this.deps.signals.listScorecardRuns({
      entityRefs: lower(query.entityRef),
      limit: query.limit,
      offset: query.offset,
    });
    if (query.entityRef?.length === 1 && page.totalCount === 0) {
      const entity = await this.deps.store.getEntity(
        query.entityRef[0].toLocaleLowerCase('en-US'),
      );
      if (!entity) {
        throw new NotFoundError(
          `No entity ${query.entityRef[0]} in the catalog`,
        );
      }
    }
    return page;
  }
}
