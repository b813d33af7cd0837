import { shortEntityRef } from '../entityRefs';

/** A business unit ref, short; "(none)" or nothing reads "No business unit". */
export function businessUnitLabel(ref?: string): string {
  if (!ref || ref === '(none)') return 'No business unit';
  return shortEntityRef(ref);
}
