import {
  AspmExceptionDetails,
  ExceptionAction,
} from '@aspm/plugin-aspm-common';
import { requestedExpiryOf } from './requestedExpiryOf';
import { toDateInput } from './toDateInput';
import { DecisionFormValues } from './validateDecision';

/**
 * The decision form's first values: an approval starts from the expiry the
 * requester asked for (capped at `latest`), and keeps the review date.
 */
export function initialDecisionValues(
  action: ExceptionAction,
  exception: AspmExceptionDetails,
  latest?: string,
): DecisionFormValues {
  const values = { expiresAt: '', reviewAt: '', note: '' };
  if (action !== 'approve' && action !== 'renew') return values;
  const asked = action === 'approve' ? requestedExpiryOf(exception) : undefined;
  let expiresAt = toDateInput(asked);
  if (expiresAt && latest && expiresAt > latest) expiresAt = latest;
  return { ...values, expiresAt, reviewAt: toDateInput(exception.reviewAt) };
}
