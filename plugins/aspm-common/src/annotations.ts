/**
 * Catalog annotations read by the ASPM plugins. Platform teams put these on
 * Components, Systems and other entities; see the README for a copyable table.
 */

/** Business criticality: "1" (business-critical), "2" or "3". Absent = untiered. @public */
export const ASPM_TIER_ANNOTATION = 'aspm.io/tier';
/** Network exposure: "internet" or "internal". Absent = unknown. @public */
export const ASPM_EXPOSURE_ANNOTATION = 'aspm.io/exposure';
/** Business unit override: a Group reference (e.g. "group:default/payments"). @public */
export const ASPM_BUSINESS_UNIT_ANNOTATION = 'aspm.io/business-unit';

/** Repository slug on GitHub ("org/repo"). @public */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
/** Where the entity's source lives ("url:https://host/org/repo/tree/main/"). @public */
export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
/**
 * The entity is on an approved golden path (paved road): `"true"` or the
 * golden path's name. @public
 */
export const ASPM_GOLDEN_PATH_ANNOTATION = 'aspm.io/golden-path';
/** Set by the Backstage scaffolder on entities it created from a template. @public */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';
/** DefectDojo product id. @public */
export const DEFECTDOJO_PRODUCT_ID_ANNOTATION = 'defectdojo.org/product-id';

/** Allowed tier values, most critical first. @public */
export const TIERS = ['1', '2', '3'] as const;
/** @public */
export type Tier = (typeof TIERS)[number];

/** Allowed exposure values. @public */
export const EXPOSURES = ['internet', 'internal'] as const;
/** @public */
export type Exposure = (typeof EXPOSURES)[number];
