import { createApiRef } from '@backstage/core-plugin-api';
import {
  AspmEntity,
  CatalogSyncRun,
  Exposure,
  OwnerResolution,
  OwnershipReport,
  Page,
  Tier,
} from '@aspm/plugin-aspm-common';

/** Fields `GET /entities` can be ordered by. @public */
export type AspmEntityOrderBy =
  | 'entityRef'
  | 'name'
  | 'kind'
  | 'tier'
  | 'ownerResolution'
  | 'businessUnit'
  | 'owningTeam'
  | 'lastSyncedAt';

/** Query of {@link AspmApi.listEntities}. List fields are OR-ed. @public */
export interface ListAspmEntitiesRequest {
  kind?: string[];
  owner?: string[];
  team?: string[];
  businessUnit?: string[];
  tier?: Array<Tier | 'untiered'>;
  exposure?: Array<Exposure | 'unknown'>;
  ownerResolution?: OwnerResolution[];
  /** Free-text search. */
  q?: string;
  includeGone?: boolean;
  orderBy?: AspmEntityOrderBy;
  order?: 'asc' | 'desc';
  /** 1..500 */
  limit?: number;
  offset?: number;
}

/** Query of {@link AspmApi.getOwnership}. @public */
export interface GetOwnershipRequest {
  groupBy?: 'businessUnit' | 'team' | 'tier';
  /** YYYY-MM-DD or an ISO 8601 timestamp. */
  asOf?: string;
  kind?: string[];
  businessUnit?: string[];
  team?: string[];
  tier?: Array<Tier | 'untiered'>;
  /** 0..1000 */
  offendersLimit?: number;
}

/** Answer of {@link AspmApi.getCatalogSync}. @public */
export interface CatalogSyncStatus {
  lastRun?: CatalogSyncRun;
}

/** Client of the ASPM backend. @public */
export interface AspmApi {
  listEntities(request?: ListAspmEntitiesRequest): Promise<Page<AspmEntity>>;
  /**
   * One entity by ref (e.g. `component:default/payments-api`). Rejects with a
   * `ResponseError` (status 404) when the ASPM store has not seen it.
   */
  getEntity(entityRef: string): Promise<AspmEntity>;
  getOwnership(request?: GetOwnershipRequest): Promise<OwnershipReport>;
  getCatalogSync(): Promise<CatalogSyncStatus>;
  /** Runs the catalog sync now and answers the finished run. */
  runCatalogSync(): Promise<CatalogSyncRun>;
}

/** @public */
export const aspmApiRef = createApiRef<AspmApi>({ id: 'plugin.aspm.api' });
