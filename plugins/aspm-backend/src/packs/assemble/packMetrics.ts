import {
  MetricValue,
  PackMetric,
  PackTrendPoint,
} from '@aspm/plugin-aspm-common';
import { METRIC_DEFINITIONS } from '../../metrics/definitions';
import { businessUnitScope } from '../facts/packScopes';
import { PackVocabulary } from '../narrative/packVocabulary';
import { TrendFacts } from '../PeriodFacts';
import { PackContext } from './PackContext';

function points(
  trend: TrendFacts[],
  scope: string,
  id: string,
  vocab: PackVocabulary,
): PackTrendPoint[] {
  return trend.map(t => {
    const facts = t.scopes[scope];
    const m =
      facts?.metrics.find(x => x.id === id) ??
      facts?.programMetrics?.find(x => x.id === id);
    const changes = facts?.countingChanges[id];
    return {
      period: t.period,
      value: m?.value ?? null,
      ...(m ? { status: m.status } : {}),
      ...(changes?.length
        ? {
            countingChanges: changes.map(c => ({
              ...c,
              description: vocab.countingChange(c.kind, c.description),
            })),
          }
        : {}),
    };
  });
}

/**
 * The scorecard's metrics: value, target, status and direction against the
 * previous period, the same period a year earlier (when the history reaches
 * it), the trend over the last periods with the counting-change markers, and
 * the trend of each business unit (org packs).
 */
export function packMetrics(
  ctx: PackContext,
  values: MetricValue[] = ctx.metrics,
): PackMetric[] {
  const { input, vocab } = ctx;
  const yearAgo = input.yearAgo.available ? input.yearAgoFacts : undefined;
  return values.map(m => {
    const def = METRIC_DEFINITIONS[m.id];
    const facts = yearAgo?.scopes[input.scope];
    const year =
      facts?.metrics.find(x => x.id === m.id) ??
      facts?.programMetrics?.find(x => x.id === m.id);
    return {
      id: m.id,
      title: vocab.metric(m.id),
      description: vocab.describe(m.id),
      unit: m.unit,
      value: m.value,
      ...(m.numerator !== undefined ? { numerator: m.numerator } : {}),
      ...(m.denominator !== undefined ? { denominator: m.denominator } : {}),
      ...(m.target ? { target: m.target } : {}),
      status: m.status,
      ...(input.previous.available && m.direction
        ? { direction: m.direction }
        : {}),
      ...(input.previous.available
        ? { previousValue: m.previousValue ?? null }
        : {}),
      ...(yearAgo ? { yearAgoValue: year?.value ?? null } : {}),
      higherIsBetter: def?.higherIsBetter ?? true,
      points: points(input.trend, input.scope, m.id, vocab),
      byBusinessUnit: ctx.businessUnit
        ? []
        : input.detail.businessUnits.map(bu => ({
            key: bu.ref,
            title: bu.title,
            points: points(input.trend, businessUnitScope(bu.ref), m.id, vocab),
          })),
    };
  });
}
