import { ControlAdoptionCell } from '@aspm/plugin-aspm-common';
import { entityControls } from '../definitions/tier1Coverage';
import { MetricContext, ratio, tierKey } from '../MetricContext';

const TIERS = ['1', '2', '3', 'untiered'];

/**
 * Adoption of each configured coverage control by the scope's Components
 * of each tier at the world's asOf: Components with the control present /
 * Components of the tier the control applies to (container scans: services
 * only). Every control x tier cell is answered, an empty one with a null
 * ratio, so months line up.
 */
export function controlAdoption(ctx: MetricContext): ControlAdoptionCell[] {
  const cells = new Map<string, { numerator: number; denominator: number }>();
  const key = (control: string, tier: string) => `${control} ${tier}`;
  for (const control of ctx.config.coverage.controls) {
    for (const tier of TIERS) {
      cells.set(key(control, tier), { numerator: 0, denominator: 0 });
    }
  }
  for (const e of ctx.entities.values()) {
    if (e.kind !== 'component') continue;
    const { present, missing } = entityControls(ctx, e);
    const tier = TIERS.includes(tierKey(e)) ? tierKey(e) : 'untiered';
    for (const control of present) cells.get(key(control, tier))!.numerator++;
    for (const control of [...present, ...missing]) {
      cells.get(key(control, tier))!.denominator++;
    }
  }
  return ctx.config.coverage.controls.flatMap(control =>
    TIERS.map(tier => {
      const { numerator, denominator } = cells.get(key(control, tier))!;
      return {
        control,
        tier,
        numerator,
        denominator,
        ratio: ratio(numerator, denominator),
      };
    }),
  );
}
