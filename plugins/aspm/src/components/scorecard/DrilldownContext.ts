import { createContext, useContext } from 'react';
import { Drilldown } from '../../utils/scorecard/drilldown';

/** Opens the list (or item) behind a number; set by DrilldownProvider. */
export const DrilldownContext = createContext<
  ((drilldown: Drilldown) => void) | undefined
>(undefined);

/** The function that opens what a number links to. */
export function useDrilldown(): (drilldown: Drilldown) => void {
  const open = useContext(DrilldownContext);
  if (!open) {
    throw new Error('useDrilldown must be used inside a DrilldownProvider');
  }
  return open;
}
