import {
  ExceptionAction,
  exceptionApprovalSchema,
  exceptionNoteSchema,
} from '@aspm/plugin-aspm-common';
import { ExceptionDecisionBody } from '../../api';
import { formatDate } from '../format';
import { sentenceCase } from './sentenceCase';

/** The fields of the decision form. */
export interface DecisionFormValues {
  /** YYYY-MM-DD; approve and renew only. */
  expiresAt: string;
  reviewAt: string;
  note: string;
}

/** A field of the decision form. */
export type DecisionField = keyof DecisionFormValues;

/** Errors by field, or the body to send. */
export type DecisionValidation =
  | { ok: true; body: ExceptionDecisionBody }
  | { ok: false; errors: Partial<Record<DecisionField, string>> };

/**
 * Validates a decision with the API's schemas: approve and renew need an
 * expiry from `today` to `latest` (the tier's maximum) and a review date
 * not after it; reject and revoke need a note. Dates are YYYY-MM-DD.
 */
export function validateDecision(
  action: ExceptionAction,
  values: DecisionFormValues,
  limits: { today: string; latest?: string; maxDays?: number },
): DecisionValidation {
  const errors: Partial<Record<DecisionField, string>> = {};
  const first = (issues: Array<{ path: PropertyKey[]; message: string }>) => {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? 'note') as DecisionField;
      errors[field] ??= sentenceCase(issue.message);
    }
  };

  if (action === 'reject' || action === 'revoke') {
    const parsed = exceptionNoteSchema.safeParse({ note: values.note });
    if (parsed.success) return { ok: true, body: parsed.data };
    first(parsed.error.issues);
    return { ok: false, errors };
  }

  const body = {
    expiresAt: values.expiresAt,
    ...(values.reviewAt ? { reviewAt: values.reviewAt } : {}),
    ...(values.note.trim() ? { note: values.note } : {}),
  };
  if (!values.expiresAt) errors.expiresAt = 'Choose an expiry date';
  const parsed = exceptionApprovalSchema.safeParse(body);
  if (!parsed.success) first(parsed.error.issues);
  if (values.expiresAt && values.expiresAt < limits.today) {
    errors.expiresAt ??= 'Must be today or later';
  }
  if (limits.latest && values.expiresAt > limits.latest) {
    errors.expiresAt ??= `At most ${limits.maxDays} days from now: ${formatDate(
      `${limits.latest}T12:00:00Z`,
    )} at the latest`;
  }
  if (values.reviewAt && values.reviewAt < limits.today) {
    errors.reviewAt ??= 'Must be today or later';
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, body: parsed.data };
}
