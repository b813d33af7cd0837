import { MetricsConfig } from '../../config/readMetricsConfig';
import { WorldEntity, WorldFinding } from '../MetricsWorld';
import {
  MetricComputation,
  MetricContext,
  round,
  sumSegments,
  tierKey,
} from '../MetricContext';

/** Severity x exploitability x business criticality x exposure. */
export function riskWeight(
  f: WorldFinding,
  e: WorldEntity | undefined,
  w: MetricsConfig['weights'],
): number {
  let exploitability = w.otherExploitability;
  if (f.knownExploited) exploitability = w.knownExploited;
  else if (f.epss !== undefined && f.epss >= w.epssThreshold) {
    exploitability = w.epssAbove;
  }
  return (
    (w.severity[f.severity] ?? 0) *
    exploitability *
    (w.tier[tierKey(e)] ?? 1) *
    (w.exposure[e?.exposure ?? 'unknown'] ?? 1)
  );
}

/** Open findings (not accepted, not fixed) of the backlog severities. */
export function backlogFindings(ctx: MetricContext): WorldFinding[] {
  const severities = new Set(ctx.config.backlogSeverities);
  return ctx.findings.filter(
    f => f.state === 'open' && severities.has(f.severity),
  );
}

/** risk_weighted_critical_backlog: the sum of the open backlog's weights. */
export function riskWeightedCriticalBacklog(
  ctx: MetricContext,
): MetricComputation {
  const open = backlogFindings(ctx);
  const weighted = open.map(f => ({
    f,
    e: ctx.entities.get(f.entityRef),
    weight: riskWeight(f, ctx.entities.get(f.entityRef), ctx.config.weights),
  }));
  const total = round(
    weighted.reduce((s, x) => s + x.weight, 0),
    2,
  );
  return {
    unit: 'points',
    value: total,
    details: { count: open.length },
    itemKind: 'finding',
    items: weighted
      .sort((a, b) => b.weight - a.weight || a.f.id - b.f.id)
      .map(({ f, weight }) => ({
        kind: 'finding',
        id: String(f.id),
        entityRef: f.entityRef,
        label: f.title,
        value: round(weight, 2),
        note: `${f.severity}${f.knownExploited ? ', known exploited' : ''}${
          f.epss !== undefined ? `, EPSS ${f.epss}` : ''
        }`,
      })),
    segments: [
      ...sumSegments(
        'team',
        weighted,
        x => x.e?.team,
        x => x.weight,
      ),
      ...sumSegments(
        'businessUnit',
        weighted,
        x => x.e?.businessUnit,
        x => x.weight,
      ),
      ...sumSegments(
        'tier',
        weighted,
        x => tierKey(x.e),
        x => x.weight,
      ),
    ],
  };
}
