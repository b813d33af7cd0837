import { NO_BUSINESS_UNIT } from '@aspm/plugin-aspm-common';
import { shortEntityRef } from '../entityRefs';

/** A business unit ref, short; "(none)" or nothing reads "No business unit". */
export function businessUnitLabel(ref?: string): string {
  if (!ref || ref === NO_BUSINESS_UNIT) return 'No business unit';
  return shortEntityRef(ref);
}
