import { OperatingWindow } from './OperatingWindow';

/**
 * The last `count` calendar months (UTC) up to the month holding `asOf`,
 * oldest first. Each is read at the end of its last day; the last at
 * `asOf`, counting its events up to asOf only.
 */
export function operatingMonthWindows(
  asOf: number,
  count: number,
): OperatingWindow[] {
  const day = new Date(asOf);
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  const out: OperatingWindow[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const from = Date.UTC(year, month - i, 1);
    const end = Date.UTC(year, month - i + 1, 1);
    const partial = i === 0 && asOf < end - 1;
    out.push(
      partial
        ? { asOf, from, to: asOf + 1, partial }
        : { asOf: end - 1, from, to: end, partial },
    );
  }
  return out;
}
