import { ExceptionStatus } from '@aspm/plugin-aspm-common';
import { formatDate } from '../format';

const DAY_MS = 86_400_000;

/** How an expiry date reads, and whether to draw attention to it. */
export interface ExceptionExpiry {
  /**
   * `expired`: in the past, or the status is expired; `soon`: an approved
   * exception expiring within the policy's threshold; `ok`: later; `none`:
   * no expiry (a request, or an import without one).
   */
  tone: 'none' | 'ok' | 'soon' | 'expired';
  /** "in 12 days", "2 days ago", "today". */
  relative?: string;
  /** The date in the user's locale. */
  date?: string;
  /** Whole days from now, rounded; negative in the past. */
  days?: number;
}

/** Reads an exception's expiry relative to `now`, in the user's locale. */
export function exceptionExpiry(
  exception: { expiresAt?: string; status: ExceptionStatus },
  expiringSoonDays: number,
  now: number = Date.now(),
  locale?: string,
): ExceptionExpiry {
  const { expiresAt, status } = exception;
  const at = expiresAt ? Date.parse(expiresAt) : NaN;
  if (Number.isNaN(at)) {
    return { tone: status === 'expired' ? 'expired' : 'none' };
  }
  const days = Math.round((at - now) / DAY_MS);
  const relative = new Intl.RelativeTimeFormat(locale, {
    numeric: 'auto',
  }).format(days, 'day');
  let tone: ExceptionExpiry['tone'] = 'ok';
  if (status === 'expired' || at <= now) {
    tone = 'expired';
  } else if (status === 'approved' && at - now <= expiringSoonDays * DAY_MS) {
    tone = 'soon';
  }
  return { tone, relative, date: formatDate(expiresAt, locale), days };
}
