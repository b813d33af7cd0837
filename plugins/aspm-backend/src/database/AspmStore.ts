import {
  AspmEntity,
  CatalogSyncCounts,
  CatalogSyncRun,
  EntitiesQuery,
  Page,
} from '@aspm/plugin-aspm-common';
import { AspmEntityRecord } from '../catalog/types';

/** What writing one catalog snapshot changed. */
export type EntitySyncResult = Pick<
  CatalogSyncCounts,
  'added' | 'changed' | 'unchanged' | 'gone'
>;

/** The ASPM store: everything the plugin persists, engine-neutral. */
export interface AspmStore {
  /**
   * Replaces the store's view of the catalog with `records`, in one
   * transaction: new entities are added, changed ones get a new history
   * version, entities absent from `records` are marked gone.
   */
  replaceCatalogEntities(
    records: AspmEntityRecord[],
    now: Date,
  ): Promise<EntitySyncResult>;

  /** A filtered, sorted page of current (or, on request, gone) entities. */
  listEntities(query: EntitiesQuery): Promise<Page<AspmEntity>>;

  /** One entity by its (lower-case) ref, gone or not. */
  getEntity(entityRef: string): Promise<AspmEntity | undefined>;

  /**
   * The entities as they were at `asOf`, from the history: the version valid
   * at that instant of every entity that was in the catalog then.
   */
  listEntitiesAsOf(options: {
    asOf: Date;
    kinds?: string[];
  }): Promise<AspmEntity[]>;

  /**
   * Demo only: moves each entity's first version (and first-seen time) back
   * to `since` when it starts later, so a demo org loaded today has existed
   * for the whole of its generated history. Returns how many moved.
   */
  backdateFirstVersions(since: Date): Promise<number>;

  /**
   * Demo only: gives an entity an earlier version, valid from its first
   * version's start until `until`, that differs by `patch` (keys set to
   * null are removed), as if the entity had been edited at `until`. Does
   * nothing when the first version starts at or after `until`, or when an
   * earlier version already ends there. Returns whether it added one.
   */
  addEarlierVersion(
    entityRef: string,
    until: Date,
    patch: Record<string, unknown>,
  ): Promise<boolean>;

  /** Display titles of Groups, by ref (current state). */
  getGroupTitles(): Promise<Map<string, string>>;

  startSyncRun(trigger: CatalogSyncRun['trigger'], now: Date): Promise<number>;
  finishSyncRun(
    id: number,
    result: {
      status: 'succeeded' | 'failed';
      counts?: CatalogSyncCounts;
      error?: string;
    },
    now: Date,
  ): Promise<void>;
  getLastSyncRun(): Promise<CatalogSyncRun | undefined>;
}
