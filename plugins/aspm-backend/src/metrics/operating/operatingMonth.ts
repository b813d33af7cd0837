import { OperatingMonth } from '@aspm/plugin-aspm-common';
import { MetricContext } from '../MetricContext';
import { controlAdoption } from './controlAdoption';
import { exceptionCategories } from './exceptionCategories';
import { OperatingWindow } from './OperatingWindow';
import { operatingTime } from './operatingTime';
import { recurringFindingCategories } from './recurringFindingCategories';
import { riskConcentration } from './riskConcentration';
import { slaAttainment } from './slaAttainment';

/**
 * One month's operating numbers, from the scope's context of a world read
 * at the month's end whose window starts `slaLookBackDays` before the month.
 */
export function operatingMonth(
  ctx: MetricContext,
  month: OperatingWindow,
): OperatingMonth {
  return {
    month: new Date(month.from).toISOString().slice(0, 7),
    time: operatingTime(month),
    controlAdoption: controlAdoption(ctx),
    slaAttainment: slaAttainment(ctx, month),
    exceptionCategories: exceptionCategories(ctx, month),
    recurringFindingCategories: recurringFindingCategories(ctx),
    riskConcentration: riskConcentration(ctx),
  };
}
