import {
  AspmRelease,
  ChecklistItem,
  ReleaseEvidence,
  ReleaseGate,
  ReleaseOutcome,
  Page,
} from '@aspm/plugin-aspm-common';
import { ReleaseVerdict } from '../releases/releaseOutcome';

/** A candidate as POST /releases gives it, evidence already parsed. */
export interface ReleasePost {
  entityRef: string;
  version: string;
  environment: string;
  artifactDigest?: string;
  releasedAt: Date;
  pipelineUrl?: string;
  approvedBy?: string;
  postedBy: string;
  gates: ReleaseGate[];
  evidence: ReleaseEvidence[];
}

/** Evaluates a candidate from everything stored for it after a post. */
export type ReleaseEvaluator = (all: {
  gates: ReleaseGate[];
  evidence: ReleaseEvidence[];
  approvedBy?: string;
}) => ReleaseVerdict & { checklist: ChecklistItem[] };

/** Query of listReleases. */
export interface ReleasesQuery {
  entityRefs?: string[];
  environment?: string[];
  from?: Date;
  to?: Date;
  firstPass?: boolean;
  evidenceComplete?: boolean;
  outcome?: ReleaseOutcome[];
  orderBy: 'releasedAt' | 'entityRef' | 'version';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** A secret finding with what is known of its rotation. */
export interface SecretFindingRow {
  findingId: number;
  entityRef: string;
  title: string;
  ruleId: string;
  tool: string;
  state: string;
  firstSeenAt: Date;
  fixedAt?: Date;
  link?: string;
  properties: Record<string, unknown>;
  /** The entity's owning team and tier, as last synced. */
  team?: string;
  tier?: string;
  rotation?: { rotatedAt: Date; rotatedBy: string; note?: string };
}

/** Release candidates, their gates and evidence; secret rotations. */
export interface ReleasesStore {
  /**
   * Stores a candidate, keyed by (entity, environment, version), in one
   * transaction: new gate attempts and evidence are added to what is stored,
   * the verdict and checklist re-evaluated. Posting the same again changes
   * nothing (`changed: false`). Throws ConflictError when the post
   * contradicts what is stored (another artifact digest, a gate attempt
   * with another outcome).
   */
  upsertRelease(
    post: ReleasePost,
    evaluate: ReleaseEvaluator,
    now: Date,
  ): Promise<{ release: AspmRelease; created: boolean; changed: boolean }>;
  getRelease(id: number): Promise<AspmRelease | undefined>;
  listReleases(query: ReleasesQuery): Promise<Page<AspmRelease>>;
  /** Verdicts of candidates released at or after `from`, for trends. */
  releaseVerdicts(query: {
    entityRefs?: string[];
    environment?: string[];
    from: Date;
  }): Promise<
    Array<{ releasedAt: Date; outcome: ReleaseOutcome; blockedBy: string[] }>
  >;
  /**
   * Secret findings of the entities (all of them when undefined), or the one
   * finding `findingId` when given.
   */
  secretFindings(filter?: {
    entityRefs?: string[];
    findingId?: number;
  }): Promise<SecretFindingRow[]>;
  /**
   * Records a rotation. The same rotation again changes nothing; a
   * different one replaces it (the finding's event log keeps both).
   */
  recordRotation(
    findingId: number,
    rotation: { rotatedAt: Date; rotatedBy: string; note?: string },
    now: Date,
  ): Promise<{ changed: boolean }>;
}
