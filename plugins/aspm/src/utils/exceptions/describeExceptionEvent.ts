import { ExceptionEvent } from '@aspm/plugin-aspm-common';
import { formatDate } from '../format';
import { actorLabel } from './actorLabel';
import { exceptionStatusDisplay } from './exceptionStatusDisplay';

const VERBS: Record<ExceptionEvent['type'], string> = {
  requested: 'Requested',
  imported: 'Imported',
  approved: 'Approved',
  rejected: 'Rejected',
  revoked: 'Revoked',
  renewed: 'Renewed',
  expired: 'Expired',
  updated: 'Updated',
};

/**
 * One audit event in words: "Approved by carol" and its details
 * ("Requested → Approved · expires 14 Mar 2026 · review 7 Mar 2026"). An
 * expiry on a request is the expiry asked for.
 */
export function describeExceptionEvent(
  event: ExceptionEvent,
  locale?: string,
): { title: string; details: string[] } {
  const verb = VERBS[event.type] ?? event.type;
  // The expiry job acts as `system:expiry`.
  const title = event.actor.startsWith('system:')
    ? `${verb} automatically`
    : `${verb} by ${actorLabel(event.actor)}`;
  const details: string[] = [];
  const status = (s: ExceptionEvent['toStatus']) =>
    s ? exceptionStatusDisplay(s).label : '';
  if (event.fromStatus && event.toStatus) {
    details.push(`${status(event.fromStatus)} → ${status(event.toStatus)}`);
  }
  if (event.expiresAt) {
    details.push(
      `${
        event.type === 'requested' ? 'expiry asked for' : 'expires'
      } ${formatDate(event.expiresAt, locale)}`,
    );
  }
  if (event.reviewAt) {
    details.push(`review ${formatDate(event.reviewAt, locale)}`);
  }
  return { title, details };
}
