import {
  SeverityFlowCounts,
  WeeklyFindingFlow,
} from '@aspm/plugin-aspm-common';
import { MetricContext } from '../MetricContext';

const emptyCounts = (): SeverityFlowCounts => ({
  critical: 0,
  high: 0,
  total: 0,
});

function add(counts: SeverityFlowCounts, severity: string | undefined) {
  if (severity !== 'critical' && severity !== 'high') return;
  counts[severity] += 1;
  counts.total += 1;
}

/**
 * Critical and high findings of the scope in the world's window [from, to):
 * opened (first seen in it) and reopened (reopen events in it), both by the
 * severity the finding has at the window's asOf; closed (fix events in it)
 * by the severity it had when fixed.
 */
export function weeklyFindingFlow(ctx: MetricContext): WeeklyFindingFlow {
  const { from, to } = ctx.world;
  const inWindow = (t: number) => t >= from && t < to;
  const opened = emptyCounts();
  const reopened = emptyCounts();
  const closed = emptyCounts();
  const severityOf = new Map<number, string>();
  for (const f of ctx.findings) {
    severityOf.set(f.id, f.severity);
    if (inWindow(f.firstSeenAt)) add(opened, f.severity);
  }
  for (const r of ctx.reopens) {
    if (inWindow(r.at)) add(reopened, severityOf.get(r.findingId));
  }
  for (const x of ctx.fixes) {
    if (inWindow(x.fixedAt)) add(closed, x.severity);
  }
  return {
    opened,
    reopened,
    closed,
    net: opened.total + reopened.total - closed.total,
  };
}
