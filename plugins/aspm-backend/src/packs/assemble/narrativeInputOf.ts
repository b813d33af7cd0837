import { METRIC_DEFINITIONS } from '../../metrics/definitions';
import { businessUnitScope } from '../facts/packScopes';
import { NarrativeDriver, NarrativeInput } from '../narrative/NarrativeInput';
import { periodLabel } from '../packPeriods';
import { PackContext } from './PackContext';

/** The narrative generator's input, read from a pack's facts. */
export function narrativeInputOf(ctx: PackContext): NarrativeInput {
  const { input, detail } = ctx;
  const current = input.trend[input.trend.length - 1];
  const before =
    input.trend.length > 1 ? input.trend[input.trend.length - 2] : undefined;
  const yearAgo = input.yearAgo.available ? input.yearAgoFacts : undefined;
  const teamsInScope = input.detail.teams.filter(
    t => !ctx.businessUnit || t.businessUnits.includes(ctx.businessUnit),
  );
  const metrics = ctx.metrics.map(m => {
    const def = METRIC_DEFINITIONS[m.id];
    const byBusinessUnit: NarrativeDriver[] = ctx.businessUnit
      ? []
      : input.detail.businessUnits.map(bu => {
          const v = current.scopes[businessUnitScope(bu.ref)]?.metrics.find(
            x => x.id === m.id,
          );
          return {
            key: bu.ref,
            title: bu.title,
            value: v?.value ?? null,
            previousValue: v?.previousValue ?? null,
          };
        });
    const byTeam: NarrativeDriver[] = teamsInScope.map(t => {
      const v = t.metrics.find(x => x.id === m.id);
      return {
        key: t.ref,
        title: t.title,
        value: v?.value ?? null,
        previousValue: v?.previousValue ?? null,
      };
    });
    let bySource: NarrativeDriver[] | undefined;
    if (m.id === 'risk_weighted_critical_backlog') {
      const now = current.scopes[input.scope]?.backlogBySource ?? [];
      const then = before?.scopes[input.scope]?.backlogBySource ?? [];
      const tools = [...new Set([...now, ...then].map(p => p.key))];
      bySource = tools.map(tool => ({
        key: tool,
        title: tool,
        value: now.find(p => p.key === tool)?.weight ?? 0,
        previousValue: before
          ? then.find(p => p.key === tool)?.weight ?? 0
          : null,
      }));
    }
    return {
      id: m.id,
      unit: m.unit,
      higherIsBetter: def?.higherIsBetter ?? true,
      value: m.value,
      ...(m.numerator !== undefined ? { numerator: m.numerator } : {}),
      ...(m.denominator !== undefined ? { denominator: m.denominator } : {}),
      ...(input.previous.available
        ? { previousValue: m.previousValue ?? null }
        : {}),
      ...(yearAgo
        ? {
            yearAgoValue:
              yearAgo.scopes[input.scope]?.metrics.find(x => x.id === m.id)
                ?.value ?? null,
          }
        : {}),
      ...(m.target ? { target: m.target } : {}),
      status: m.status,
      ...(input.previous.available && m.direction
        ? { direction: m.direction }
        : {}),
      ...(m.details ? { details: m.details } : {}),
      byBusinessUnit,
      byTeam,
      ...(bySource ? { bySource } : {}),
      countingChanges: current.scopes[input.scope]?.countingChanges[m.id] ?? [],
    };
  });

  const gaps = new Map<string, { count: number; newTier1: number }>();
  for (const g of detail.tier1Gaps) {
    for (const control of g.missing) {
      const entry = gaps.get(control) ?? { count: 0, newTier1: 0 };
      entry.count += 1;
      if (g.newTier1) entry.newTier1 += 1;
      gaps.set(control, entry);
    }
  }
  const totalWeight = detail.backlogByTeam.reduce((s, p) => s + p.weight, 0);
  const topTeam = detail.backlogByTeam.find(p => p.key !== '(none)');
  const gate = detail.gateFailures[0];
  const exceptions = detail.exceptions;
  return {
    audience: input.audience,
    scopeTitle: ctx.scopeTitle,
    periodLabel: periodLabel(input.period.id),
    previousLabel: periodLabel(input.previous.period),
    hasData: current.hasCatalog,
    metrics,
    hints: {
      tier1Gaps: [...gaps.entries()]
        .map(([control, v]) => ({ control, ...v }))
        .sort(
          (a, b) =>
            b.count - a.count ||
            b.newTier1 - a.newTier1 ||
            a.control.localeCompare(b.control),
        ),
      ...(topTeam && totalWeight > 0
        ? {
            topBacklogTeam: {
              title: ctx.titles.get(topTeam.key) ?? topTeam.key,
              share: topTeam.weight / totalWeight,
            },
          }
        : {}),
      exceptions: {
        over90: exceptions.filter(x => x.ageDays > 90).length,
        withoutControl: exceptions.filter(x => !x.hasCompensatingControl)
          .length,
        withoutReview: exceptions.filter(x => !x.reviewAt).length,
      },
      ...(gate
        ? {
            topGateFailure: {
              gate: gate.gate,
              failedFirst: gate.failedFirst,
              candidates: gate.candidates,
            },
          }
        : {}),
    },
  };
}
