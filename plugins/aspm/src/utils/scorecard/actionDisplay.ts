import { SecurityAction, SecurityActionKind } from '@aspm/plugin-aspm-common';
import { formatDate } from '../format';

const KIND_LABELS: Record<SecurityActionKind, string> = {
  'finding-sla': 'Finding SLA',
  'exception-expiry': 'Exception expiry',
  'exception-review': 'Exception review',
  'secret-rotation': 'Secret rotation',
  'release-evidence': 'Release evidence',
  'missing-control': 'Missing control',
};

/** "Finding SLA", "Missing control", ... */
export function actionKindLabel(kind: SecurityActionKind): string {
  return KIND_LABELS[kind] ?? kind;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * When an action is due, in words: "Overdue by 4 days (27 Feb 2026)", "Due
 * today", "Due in 17 days (20 Mar 2026)", or "No deadline".
 */
export function actionDueText(action: SecurityAction, locale?: string): string {
  if (!action.dueAt || action.daysLeft === undefined) return 'No deadline';
  const date = formatDate(action.dueAt, locale);
  if (action.overdue) {
    const late = Math.max(0, -action.daysLeft);
    return late === 0
      ? `Overdue since today (${date})`
      : `Overdue by ${days(late)} (${date})`;
  }
  if (action.daysLeft === 0) return `Due today (${date})`;
  return `Due in ${days(action.daysLeft)} (${date})`;
}
