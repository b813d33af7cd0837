import { ExceptionScopeType, FindingCategory } from '@aspm/plugin-aspm-common';

/** The fields of the request form, as the user typed them. */
export interface RequestFormValues {
  scopeType: ExceptionScopeType;
  /** The findings it was opened for (scope "these findings"). */
  findingIds: number[];
  rule: string;
  scopeCategory: FindingCategory | '';
  /** The exception category (the policy's taxonomy). */
  category: string;
  reason: string;
  /** YYYY-MM-DD or empty. */
  expiresAt: string;
  reviewAt: string;
  controlText: string;
  controlLink: string;
}

/** A form field that can carry an error. */
export type RequestFormField = Exclude<keyof RequestFormValues, 'findingIds'>;

/** What the form is opened with (from a finding: its id, rule and category). */
export interface RequestFormPrefill {
  findingIds?: number[];
  rule?: string;
  findingCategory?: FindingCategory;
}

/**
 * The initial values: scoped to the given findings when there are some,
 * otherwise to a rule (prefilled when known).
 */
export function requestFormValues(
  prefill: RequestFormPrefill = {},
): RequestFormValues {
  const findingIds = prefill.findingIds ?? [];
  return {
    scopeType: findingIds.length > 0 ? 'findings' : 'rule',
    findingIds,
    rule: prefill.rule ?? '',
    scopeCategory: prefill.findingCategory ?? '',
    category: '',
    reason: '',
    expiresAt: '',
    reviewAt: '',
    controlText: '',
    controlLink: '',
  };
}
