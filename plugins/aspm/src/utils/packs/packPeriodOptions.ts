import {
  PackAudience,
  PackPeriodKind,
  lastFullPackPeriod,
  packPeriodOf,
  parsePackPeriod,
  shiftPackPeriod,
} from '@aspm/plugin-aspm-common';

/** The period lengths each audience picks from: the board also has half-years. */
export const PERIOD_KINDS: Record<PackAudience, PackPeriodKind[]> = {
  leadership: ['week', 'month', 'quarter'],
  managers: ['week', 'month', 'quarter'],
  board: ['week', 'month', 'quarter', 'half'],
};

/** How many full periods the picker offers, per length (about two years). */
const OFFERED: Record<PackPeriodKind, number> = {
  week: 26,
  month: 24,
  quarter: 8,
  half: 4,
};

/** The label of a period length. */
export const PERIOD_KIND_LABELS: Record<PackPeriodKind, string> = {
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  half: 'Half-year',
};

const UTC = { timeZone: 'UTC' } as const;

/**
 * A period in the user's locale: `November 2026`, `Q3 2026`, `H2 2026`,
 * `Week 42, 2026 (12 Oct – 18 Oct)`; the id itself when it is not a period.
 */
export function packPeriodLabel(id: string, locale?: string): string {
  const w = parsePackPeriod(id);
  if (!w) return id;
  const year = id.slice(0, 4);
  switch (w.kind) {
    case 'month':
      return w.from.toLocaleDateString(locale, {
        ...UTC,
        month: 'long',
        year: 'numeric',
      });
    case 'quarter':
    case 'half':
      return `${id.slice(5)} ${year}`;
    default: {
      const day = (d: Date) =>
        d.toLocaleDateString(locale, {
          ...UTC,
          day: 'numeric',
          month: 'short',
        });
      const last = new Date(w.to.getTime() - 86_400_000);
      return `Week ${Number(id.slice(6))}, ${year} (${day(w.from)} – ${day(
        last,
      )})`;
    }
  }
}

/** A choice of the period picker. */
export interface PeriodOption {
  id: string;
  label: string;
  /** The period is still running (its pack counts up to now). */
  running: boolean;
}

/**
 * The periods of one length to choose from, newest first: the running one,
 * then the full ones back about two years.
 */
export function packPeriodOptions(
  kind: PackPeriodKind,
  now: Date,
  locale?: string,
): PeriodOption[] {
  const current = packPeriodOf(kind, now);
  const options: PeriodOption[] = [
    {
      id: current,
      label: `${packPeriodLabel(current, locale)} (so far)`,
      running: true,
    },
  ];
  for (let i = 1; i <= OFFERED[kind]; i++) {
    const id = shiftPackPeriod(current, -i);
    options.push({ id, label: packPeriodLabel(id, locale), running: false });
  }
  return options;
}

/** The length of a period id (`month` for anything unparsable). */
export function packPeriodKind(id: string): PackPeriodKind {
  return parsePackPeriod(id)?.kind ?? 'month';
}

/**
 * The period to show when the length changes: the last full one of the new
 * length (a director reviews closed periods).
 */
export function periodForKind(kind: PackPeriodKind, now: Date): string {
  return lastFullPackPeriod(kind, now);
}

/** The period a pack opens with: the last full month. */
export const defaultPackPeriod = (now: Date) =>
  lastFullPackPeriod('month', now);
