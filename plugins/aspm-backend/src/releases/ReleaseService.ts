import { rotationSlaDays } from '../secrets/rotationSlaDays';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  AspmRelease,
  GateTrend,
  Page,
  ReleaseInput,
  ReleasesQueryParams,
  SecretExposure,
  SecretRotationStatus,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { FindingsStore } from '../database/FindingsStore';
import { ReleasesStore } from '../database/ReleasesStore';
import { AspmConfig } from '../config/readAspmConfig';
import { startOfDateInput } from '../util/time';
import { evaluateChecklist } from './evidence';
import { prepareEvidence } from './prepareEvidence';
import { releaseOutcome } from './releaseOutcome';
import { requiredEvidenceFor } from './requiredEvidenceFor';
import { weeklyGateTrend, weekStartOf } from './weeklyGateTrend';
import {
  compareSecretUrgency,
  secretExposure,
} from '../secrets/secretExposure';

const DAY = 86_400_000;

/**
 * Release candidates from CI (gates, evidence, checklist) and the rotation
 * of leaked secrets: validation beyond the schema, evaluation, reading back.
 */
export class ReleaseService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      store: AspmStore;
      findings: FindingsStore;
      releases: ReleasesStore;
      config: Pick<AspmConfig, 'releases' | 'secrets'>;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** POST /releases: 201 when created, 200 when merged or replayed. */
  async post(
    input: ReleaseInput,
    actor: string,
  ): Promise<{ release: AspmRelease; created: boolean; changed: boolean }> {
    const entityRef = input.entityRef.toLocaleLowerCase('en-US');
    const entity = await this.deps.store.getEntity(entityRef);
    if (!entity || entity.goneAt) {
      throw new InputError(
        `Invalid body: 'entityRef': no entity ${entityRef} in the catalog (as last synced)`,
      );
    }
    const releasedAt = startOfDateInput(input.releasedAt);
    if (releasedAt.getTime() > this.now().getTime() + DAY) {
      throw new InputError(
        `Invalid body: 'releasedAt': ${input.releasedAt} is in the future`,
      );
    }
    const { config } = this.deps;
    const evidence = prepareEvidence(input.evidence, {
      artifactDigest: input.artifactDigest,
      allowedBuilders: config.releases.allowedBuilders,
    });
    const required = requiredEvidenceFor(
      config.releases,
      input.environment,
      entity.tier,
    );
    const result = await this.deps.releases.upsertRelease(
      {
        entityRef,
        version: input.version,
        environment: input.environment,
        artifactDigest: input.artifactDigest,
        releasedAt,
        pipelineUrl: input.pipelineUrl,
        approvedBy: input.approvedBy,
        postedBy: actor,
        gates: input.gates,
        evidence,
      },
      all => ({
        ...releaseOutcome(all.gates),
        checklist: evaluateChecklist({ required, ...all }),
      }),
      this.now(),
    );
    return result;
  }

  async get(id: number): Promise<AspmRelease> {
    const release = await this.deps.releases.getRelease(id);
    if (!release) throw new NotFoundError(`No release with id ${id}`);
    return release;
  }

  async list(
    params: ReleasesQueryParams,
    entityRefs: string[] | undefined,
  ): Promise<Page<AspmRelease>> {
    return this.deps.releases.listReleases({
      entityRefs,
      environment: params.environment,
      from: params.from ? startOfDateInput(params.from) : undefined,
      to: params.to ? startOfDateInput(params.to) : undefined,
      firstPass: params.firstPass,
      evidenceComplete: params.evidenceComplete,
      outcome: params.outcome,
      orderBy: params.orderBy,
      order: params.order,
      limit: params.limit,
      offset: params.offset,
    });
  }

  async gateTrend(
    params: { environment?: string[]; weeks: number },
    entityRefs: string[] | undefined,
  ): Promise<GateTrend> {
    const now = this.now();
    const from = new Date(
      weekStartOf(now).getTime() - (params.weeks - 1) * 7 * DAY,
    );
    const verdicts = await this.deps.releases.releaseVerdicts({
      entityRefs,
      environment: params.environment,
      from,
    });
    return weeklyGateTrend(verdicts, now, params.weeks);
  }

  async secrets(
    params: {
      status?: SecretRotationStatus[];
      limit: number;
      offset: number;
    },
    entityRefs: string[] | undefined,
  ): Promise<Page<SecretExposure>> {
    const rows = await this.deps.releases.secretFindings({ entityRefs });
    const now = this.now();
    const all = rows
      .map(r => secretExposure(r, this.slaDays(r.tier), now))
      .filter(s => !params.status?.length || params.status.includes(s.status))
      .sort(compareSecretUrgency);
    return {
      items: all.slice(params.offset, params.offset + params.limit),
      totalCount: all.length,
      limit: params.limit,
      offset: params.offset,
    };
  }

  /** POST /findings/:id/rotation. */
  async recordRotation(
    findingId: number,
    body: { rotatedAt?: string; note?: string },
    actor: string,
  ): Promise<SecretExposure & { changed: boolean }> {
    const finding = await this.deps.findings.getFinding(findingId);
    if (!finding) throw new NotFoundError(`No finding with id ${findingId}`);
    if (finding.category !== 'secret') {
      throw new InputError(
        `Finding ${findingId} is a ${finding.category} finding, not a secret: only secrets are rotated`,
      );
    }
    const now = this.now();
    const rotatedAt = body.rotatedAt ? startOfDateInput(body.rotatedAt) : now;
    if (rotatedAt.getTime() > now.getTime() + 60_000) {
      throw new InputError(
        `Invalid body: 'rotatedAt': ${body.rotatedAt} is in the future`,
      );
    }
    if (rotatedAt < new Date(finding.firstSeenAt)) {
      throw new InputError(
        `Invalid body: 'rotatedAt': ${body.rotatedAt} is before the secret was detected (${finding.firstSeenAt})`,
      );
    }
    const { changed } = await this.deps.releases.recordRotation(
      findingId,
      { rotatedAt, rotatedBy: actor, note: body.note },
      now,
    );
    const [row] = await this.deps.releases.secretFindings({ findingId });
    return {
      ...secretExposure(row, this.slaDays(row.tier), now),
      changed,
    };
  }

  private slaDays(tier: string | undefined): number {
    return rotationSlaDays(
      this.deps.config.secrets.rotationSlaDaysByTier,
      tier,
    );
  }
}
