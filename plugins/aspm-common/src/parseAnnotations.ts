import { z } from 'zod';
import {
  ASPM_BUSINESS_UNIT_ANNOTATION,
  ASPM_EXPOSURE_ANNOTATION,
  ASPM_TIER_ANNOTATION,
  DEFECTDOJO_PRODUCT_ID_ANNOTATION,
  EXPOSURES,
  Exposure,
  TIERS,
  Tier,
} from './annotations';

/** A problem with one ASPM annotation on one entity. @public */
export interface AnnotationProblem {
  annotation: string;
  value: string;
  message: string;
}

/** The security-posture annotations of an entity, parsed. @public */
export interface ParsedAspmAnnotations {
  tier?: Tier;
  exposure?: Exposure;
  businessUnitOverride?: string;
  problems: AnnotationProblem[];
}

const groupRefPattern = /^(group:)?([a-z0-9._-]+\/)?[a-z0-9A-Z._-]+$/;

/**
 * Parses and validates the `aspm.io/*` annotations. Pure: used both by the
 * catalog processor (to report problems) and by the catalog sync (to store
 * values). An invalid value never becomes a silent default: it is dropped and
 * reported as a problem, so the entity shows up as untiered / unknown.
 * @public
 */
export function parseAspmAnnotations(
  annotations: Record<string, string> | undefined,
): ParsedAspmAnnotations {
  const result: ParsedAspmAnnotations = { problems: [] };
  const a = annotations ?? {};

  const tier = a[ASPM_TIER_ANNOTATION];
  if (tier !== undefined) {
    const parsed = z.enum(TIERS).safeParse(String(tier).trim());
    if (parsed.success) result.tier = parsed.data;
    else
      result.problems.push({
        annotation: ASPM_TIER_ANNOTATION,
        value: String(tier),
        message: `${ASPM_TIER_ANNOTATION} must be one of ${TIERS.map(
          t => `"${t}"`,
        ).join(', ')} (1 = business-critical); got "${tier}"`,
      });
  }

  const exposure = a[ASPM_EXPOSURE_ANNOTATION];
  if (exposure !== undefined) {
    const parsed = z
      .enum(EXPOSURES)
      .safeParse(String(exposure).trim().toLowerCase());
    if (parsed.success) result.exposure = parsed.data;
    else
      result.problems.push({
        annotation: ASPM_EXPOSURE_ANNOTATION,
        value: String(exposure),
        message: `${ASPM_EXPOSURE_ANNOTATION} must be one of ${EXPOSURES.map(
          t => `"${t}"`,
        ).join(', ')}; got "${exposure}"`,
      });
  }

  const bu = a[ASPM_BUSINESS_UNIT_ANNOTATION];
  if (bu !== undefined) {
    const value = String(bu).trim();
    if (groupRefPattern.test(value)) result.businessUnitOverride = value;
    else
      result.problems.push({
        annotation: ASPM_BUSINESS_UNIT_ANNOTATION,
        value: String(bu),
        message: `${ASPM_BUSINESS_UNIT_ANNOTATION} must be a Group reference such as "group:default/payments" or "payments"; got "${bu}"`,
      });
  }

  const dd = a[DEFECTDOJO_PRODUCT_ID_ANNOTATION];
  if (dd !== undefined && !/^\d+$/.test(String(dd).trim())) {
    result.problems.push({
      annotation: DEFECTDOJO_PRODUCT_ID_ANNOTATION,
      value: String(dd),
      message: `${DEFECTDOJO_PRODUCT_ID_ANNOTATION} must be a numeric DefectDojo product id; got "${dd}"`,
    });
  }

  return result;
}
