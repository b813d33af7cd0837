import {
  lastFullPackPeriod,
  PackPeriodWindow,
  packPeriodOf,
  packTrendLength,
  parsePackPeriod,
  shiftPackPeriod,
  yearAgoPackPeriod,
} from '@aspm/plugin-aspm-common';
import { InputError } from '@backstage/errors';

export type { PackPeriodWindow };

const DAY = 86_400_000;

/** The window of `2026-W42`, `2026-11`, `2026-Q3` or `2026-H2`; InputError otherwise. */
export function packPeriodWindow(id: string): PackPeriodWindow {
  const w = parsePackPeriod(id);
  if (!w) {
    throw new InputError(
      `period: must be a week (2026-W42), a month (2026-11), a quarter (2026-Q3) or a half-year (2026-H2), got '${id}'`,
    );
  }
  return w;
}

/** The period `n` periods after `id` (before, for negative n). */
export function shiftPeriod(id: string, n: number): string {
  packPeriodWindow(id);
  return shiftPackPeriod(id, n);
}

/** The same period a year earlier (ISO week 53 becomes 52 in a year without one). */
export function yearAgoPeriod(id: string): string {
  packPeriodWindow(id);
  return yearAgoPackPeriod(id);
}

export {
  packPeriodOf as periodOf,
  lastFullPackPeriod as lastFullPeriod,
  packTrendLength as trendLength,
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A period in words, for exports and narrative: `November 2026`,
 * `Q3 2026`, `H2 2026`, `week 42 of 2026 (12 Oct to 18 Oct)`. (The portal
 * formats periods in the user's locale itself.)
 */
export function periodLabel(id: string): string {
  const w = packPeriodWindow(id);
  const y = id.slice(0, 4);
  switch (w.kind) {
    case 'month':
      return `${MONTHS[w.from.getUTCMonth()]} ${y}`;
    case 'quarter':
      return `${id.slice(5)} ${y}`;
    case 'half':
      return `${id.slice(5)} ${y}`;
    default: {
      const last = new Date(w.to.getTime() - DAY);
      const day = (d: Date) =>
        `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)}`;
      return `week ${Number(id.slice(6))} of ${y} (${day(w.from)} to ${day(
        last,
      )})`;
    }
  }
}
