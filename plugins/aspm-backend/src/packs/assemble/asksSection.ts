import { PackAsk, PackAsks, PackSection } from '@aspm/plugin-aspm-common';
import { packPeriodWindow } from '../packPeriods';
import { PackContext } from './PackContext';

/** The strategic asks a pack shows, each with its metrics' current values. */
export function packAsks(ctx: PackContext): PackAsks {
  const start = new Date(ctx.input.period.from).getTime();
  const items: PackAsk[] = ctx.input.asks.map(ask => ({
    ...ask,
    carried: packPeriodWindow(ask.raisedIn).from.getTime() < start,
    metrics: ask.metricIds.flatMap(id => {
      const m = ctx.metrics.find(x => x.id === id);
      return m
        ? [
            {
              id,
              title: ctx.vocab.metric(id),
              value: m.value,
              unit: m.unit,
              status: m.status,
              ...(m.direction ? { direction: m.direction } : {}),
            },
          ]
        : [];
    }),
  }));
  return {
    kind: 'asks',
    id: 'asks',
    items,
    emptyText:
      'No strategic asks for this scope. Directors (permission aspm.pack.edit) add budget, platform, hiring and ownership asks here; each is carried into every later pack until it is closed.',
  };
}

export function asksSection(ctx: PackContext): PackSection {
  return { id: 'asks', title: 'Strategic asks', blocks: [packAsks(ctx)] };
}
