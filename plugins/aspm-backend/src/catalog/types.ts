import { AspmEntity } from '@aspm/plugin-aspm-common';

/** An entity's posture-relevant fields as derived from the catalog. */
export type AspmEntityRecord = Omit<
  AspmEntity,
  'firstSeenAt' | 'lastSyncedAt' | 'goneAt'
> & {
  /** Groups only: the parent group (spec.parent). */
  parentRef?: string;
};

/** Options that shape how catalog data maps to posture fields. */
export interface EntityMappingOptions {
  /** Group `spec.type` values that make a Group a business unit. */
  businessUnitGroupTypes: string[];
  /** Owner names that mean "nobody" (e.g. "unknown"), unless such a Group exists. */
  placeholderOwners: string[];
  /** What puts an entity on an approved golden path (see goldenPathOf). */
  goldenPath: GoldenPathRule;
}

/** The catalog data that puts an entity on an approved golden path. */
export interface GoldenPathRule {
  /** An annotation whose value is not "false" (default aspm.io/golden-path). */
  annotation: string;
  /** Any of these tags (default ["golden-path"]). */
  tags: string[];
  /**
   * Scaffolder templates (`backstage.io/source-template` values, e.g.
   * `template:default/node-service`) that are golden paths; `*` for any.
   * Default: none.
   */
  templates: string[];
}
