import { Exposure, Tier } from './annotations';
import { AnnotationProblem } from './parseAnnotations';

/**
 * How an entity's `spec.owner` resolves against the catalog.
 * - `group`: an existing Group;
 * - `user-in-team`: an existing User who is a member of an existing Group;
 * - `user-without-team`: an existing User in no Group;
 * - `dangling`: points at a Group or User that does not exist (or at another kind);
 * - `missing`: no owner, or a placeholder owner such as "unknown".
 * @public
 */
export type OwnerResolution =
  | 'group'
  | 'user-in-team'
  | 'user-without-team'
  | 'dangling'
  | 'missing';

/** @public */
export const OWNER_RESOLUTIONS: OwnerResolution[] = [
  'group',
  'user-in-team',
  'user-without-team',
  'dangling',
  'missing',
];

/** Owned = a named accountable owner with a mapped engineering team. @public */
export function isOwned(resolution: OwnerResolution): boolean {
  return resolution === 'group' || resolution === 'user-in-team';
}

/** Which annotation the repository mapping came from. @public */
export type RepositorySource =
  | 'github.com/project-slug'
  | 'backstage.io/source-location';

/** The repository an entity's code lives in. @public */
export interface AspmRepository {
  /** "org/repo" where it could be derived. */
  slug?: string;
  /** Browsable URL, where known. */
  url?: string;
  source: RepositorySource;
}

/** One catalog entity as the ASPM store knows it. @public */
export interface AspmEntity {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  ownerRef?: string;
  ownerResolution: OwnerResolution;
  /** Why the owner does (not) count as owned, in words. */
  ownerResolutionReason: string;
  /** The engineering team (Group ref) accountable for the entity. */
  owningTeam?: string;
  /** The business unit (Group ref). */
  businessUnit?: string;
  system?: string;
  domain?: string;
  tier?: Tier;
  exposure?: Exposure;
  repository?: AspmRepository;
  defectdojoProductId?: string;
  /**
   * Set when the entity is on an approved golden path: what matched
   * (`annotation aspm.io/golden-path`, `tag golden-path`, `template ...`).
   */
  goldenPath?: string;
  annotationProblems: AnnotationProblem[];
  firstSeenAt: string;
  lastSyncedAt: string;
  /** Set when the entity left the catalog; such entities count nowhere. */
  goneAt?: string;
}

/** A page of results. @public */
export interface Page<T> {
  items: T[];
  totalCount: number;
  limit: number;
  offset: number;
}

/** A ratio with what it is made of. @public */
export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator; undefined when the denominator is 0. */
  ratio?: number;
}

/** One segment (business unit, team or tier) of the ownership report. @public */
export interface OwnershipSegment extends Ratio {
  /** The segment key: a Group ref, a tier ("1".."3"), or undefined for "none". */
  key?: string;
  label: string;
  /** The target ratio where one is set (tier 1 and 2: 1.0). */
  target?: number;
  meetsTarget?: boolean;
}

/** An entity that is not owned, and why. @public */
export interface OwnershipOffender {
  entityRef: string;
  kind: string;
  title?: string;
  ownerRef?: string;
  ownerResolution: OwnerResolution;
  reason: string;
  tier?: Tier;
  businessUnit?: string;
  owningTeam?: string;
}

/** Answer of GET /ownership. @public */
export interface OwnershipReport {
  metric: 'ownership_completeness';
  /** End of the day (UTC) the report is taken at, ISO 8601. */
  asOf: string;
  kinds: string[];
  org: Ratio;
  groupBy?: 'businessUnit' | 'team' | 'tier';
  segments: OwnershipSegment[];
  byTier: OwnershipSegment[];
  byResolution: Record<OwnerResolution, number>;
  offenders: OwnershipOffender[];
  offendersTotal: number;
  lastSync?: CatalogSyncRun;
}

/** One run of the catalog sync. @public */
export interface CatalogSyncRun {
  id: number;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'failed';
  trigger: 'schedule' | 'api' | 'startup';
  counts?: CatalogSyncCounts;
  error?: string;
}

/** What one catalog sync did. @public */
export interface CatalogSyncCounts {
  read: number;
  byKind: Record<string, number>;
  added: number;
  changed: number;
  unchanged: number;
  gone: number;
  durationMs: number;
}
