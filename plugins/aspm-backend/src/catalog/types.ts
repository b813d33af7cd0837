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
}
