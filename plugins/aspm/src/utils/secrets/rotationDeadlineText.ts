import { SecretExposure } from '@aspm/plugin-aspm-common';
import { formatDate } from '../format';

const DAY_MS = 86_400_000;

/** How a secret stands against its rotation deadline, in words. */
export interface RotationDeadline {
  /**
   * "due in 3 days", "4 days overdue", "rotated 2 days late", "rotated on
   * time", "no rotation needed".
   */
  text: string;
  /** `overdue`: not rotated past the deadline; `late`: rotated after it. */
  tone: 'due' | 'overdue' | 'late' | 'done';
  /** The deadline in the user's locale. */
  deadline: string;
  /** When it was rotated, in the user's locale. */
  rotated?: string;
}

/** "3 days", or "less than a day" under 24 hours. */
function days(ms: number): string {
  if (ms < DAY_MS) return 'less than a day';
  const n = Math.round(ms / DAY_MS);
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * A secret's rotation deadline relative to `now` (or to its rotation), with
 * dates in the user's locale. The status comes from the server; the days
 * are counted here.
 */
export function rotationDeadlineText(
  secret: Pick<SecretExposure, 'status' | 'deadline' | 'rotatedAt'>,
  now: number = Date.now(),
  locale?: string,
): RotationDeadline {
  const deadlineAt = Date.parse(secret.deadline);
  const deadline = formatDate(secret.deadline, locale);
  const rotatedAt = secret.rotatedAt ? Date.parse(secret.rotatedAt) : NaN;
  const rotated = Number.isNaN(rotatedAt)
    ? undefined
    : formatDate(secret.rotatedAt, locale);
  switch (secret.status) {
    case 'closed':
      return { text: 'no rotation needed', tone: 'done', deadline };
    case 'rotated-on-time':
      return { text: 'rotated on time', tone: 'done', deadline, rotated };
    case 'rotated-late':
      return {
        text: Number.isNaN(rotatedAt)
          ? 'rotated late'
          : `rotated ${days(rotatedAt - deadlineAt)} late`,
        tone: 'late',
        deadline,
        rotated,
      };
    default:
      if (Number.isNaN(deadlineAt)) {
        return { text: 'no deadline', tone: 'due', deadline };
      }
      if (secret.status === 'overdue' || deadlineAt <= now) {
        return {
          text: `${days(now - deadlineAt)} overdue`,
          tone: 'overdue',
          deadline,
        };
      }
      return {
        text: `due in ${days(deadlineAt - now)}`,
        tone: 'due',
        deadline,
      };
  }
}
