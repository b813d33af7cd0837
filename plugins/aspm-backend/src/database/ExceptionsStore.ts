import {
  AspmException,
  ExceptionCategorySummary,
  ExceptionCoveredFinding,
  ExceptionEvent,
  ExceptionScope,
  ExceptionSource,
  ExceptionStatus,
  Page,
} from '@aspm/plugin-aspm-common';

/** A new exception, validated. */
export interface NewException {
  entityRef: string;
  scope: ExceptionScope;
  reason: string;
  category: string;
  source: ExceptionSource;
  externalId?: string;
  status: ExceptionStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
  requestedExpiresAt?: Date;
  expiresAt?: Date;
  reviewAt?: Date;
  compensatingControl?: { text: string; link?: string };
}

/** A change of status (a decision, expiry, revocation, renewal). */
export interface ExceptionTransition {
  id: number;
  /** The change is refused (returns undefined) unless the status is one of these. */
  from: ExceptionStatus[];
  to: ExceptionStatus;
  event: ExceptionEvent['type'];
  actor: string;
  at: Date;
  note?: string;
  decided?: boolean;
  expiresAt?: Date;
  reviewAt?: Date;
  renewal?: boolean;
}

/** Filters of the register; entity filters already resolved to refs. */
export interface ExceptionsQuery {
  entityRefs?: string[];
  /** These exceptions only. */
  ids?: number[];
  status?: ExceptionStatus[];
  category?: string[];
  source?: ExceptionSource[];
  minAgeDays?: number;
  noReviewDate?: boolean;
  noCompensatingControl?: boolean;
  expiringWithinDays?: number;
  orderBy: 'requestedAt' | 'expiresAt' | 'status' | 'entityRef';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  now: Date;
}

/** An imported exception, resolved to finding ids. */
export interface ImportedException extends NewException {
  externalId: string;
  findingIds: number[];
}

/** Exceptions, their audit trail, and the findings they make accepted. */
export interface ExceptionsStore {
  create(input: NewException): Promise<number>;
  get(id: number): Promise<AspmException | undefined>;
  events(id: number): Promise<ExceptionEvent[]>;
  coveredFindings(id: number): Promise<ExceptionCoveredFinding[]>;
  list(query: ExceptionsQuery): Promise<Page<AspmException>>;
  categorySummary(status: ExceptionStatus[]): Promise<ExceptionCategorySummary>;
  /**
   * Applies a transition in one transaction and re-evaluates which findings
   * of the entity it covers. Undefined when the current status is not in
   * `from` (nothing changed).
   */
  transition(t: ExceptionTransition): Promise<AspmException | undefined>;
  /** Expires approved exceptions whose expiry has passed; returns how many. */
  expireDue(now: Date): Promise<number>;
  /** Finding ids of the entity among `ids` (to check a findings scope). */
  findingIdsOfEntity(entityRef: string, ids: number[]): Promise<number[]>;
  /** Finding ids of the entity by (tool, run key, fingerprint). */
  findingIdsByFingerprint(
    entityRef: string,
    refs: Array<{ tool: string; fingerprint: string; runKey?: string }>,
  ): Promise<Array<number | undefined>>;
  /**
   * Upserts a source's exceptions for an entity by external id. With
   * `complete`, the batch is everything `source` holds for the entity: its
   * live exceptions missing from the batch are revoked (`retired`).
   */
  importExceptions(
    entityRef: string,
    items: ImportedException[],
    actor: string,
    at: Date,
    options?: { complete?: boolean; source?: string },
  ): Promise<{
    created: number;
    updated: number;
    unchanged: number;
    retired: number;
  }>;
}
