import { OperatingTime } from '@aspm/plugin-aspm-common';
import { OperatingWindow } from './OperatingWindow';

/** A window's instants as the API gives them. */
export function operatingTime(w: OperatingWindow): OperatingTime {
  return {
    asOf: new Date(w.asOf).toISOString(),
    from: new Date(w.from).toISOString(),
    to: new Date(w.to).toISOString(),
    partial: w.partial,
  };
}
