import { MetricValue, PackSection, PackText } from '@aspm/plugin-aspm-common';
import { formatPackValue, formatTarget } from '../narrative/formatPackValue';
import { countingDominates } from '../narrative/narrateSummary';
import { packPeriodWindow } from '../packPeriods';
import { asksSection } from './asksSection';
import { narrativeInputOf } from './narrativeInputOf';
import { PackContext } from './PackContext';

type Theme = PackText['items'][number] & { weight: number };

const pct = (v: number | null | undefined) =>
  formatPackValue('ratio', v ?? null);

/** How much a theme's metrics need the board's attention. */
function urgency(metrics: Array<MetricValue | undefined>): number {
  return metrics.reduce(
    (s, m) =>
      s +
      (m?.status === 'not-met' ? 2 : 0) +
      (m?.direction === 'worsening' ? 2 : 0) +
      (m?.direction === 'improving' ? 0.5 : 0),
    0,
  );
}

/** The board's top 3 to 5 themes, in business language, most urgent first. */
export function boardThemes(ctx: PackContext): PackText {
  const m = (id: string) => ctx.metrics.find(x => x.id === id);
  const { detail, vocab } = ctx;
  const themes: Theme[] = [];
  const line = detail.productLines[0];
  const total = detail.backlogByEntity.reduce((s, p) => s + p.weight, 0);
  if (line && total > 0) {
    themes.push({
      title: 'Where the risk sits',
      text: `${line.title} carries ${pct(
        line.weight / total,
      )} of the serious unresolved weaknesses, across ${line.entities.length} ${
        line.entities.length === 1 ? 'service' : 'services'
      }${
        detail.riskConcentration.share !== null
          ? `; ${detail.riskConcentration.topCount} of ${
              detail.riskConcentration.teamCount
            } teams hold ${pct(detail.riskConcentration.share)} of the total`
          : ''
      }.`,
      metricIds: ['risk_weighted_critical_backlog'],
      weight: urgency([m('risk_weighted_critical_backlog')]) + 1,
    });
  }
  const coverage = m('tier1_coverage');
  if (coverage?.value !== null && coverage?.value !== undefined) {
    const gap = narrativeInputOf(ctx).hints.tier1Gaps[0];
    themes.push({
      title: 'Protection of business-critical services',
      text: `${coverage.numerator ?? 0} of ${
        coverage.denominator ?? 0
      } business-critical services have every baseline protection (target ${formatTarget(
        'ratio',
        coverage.target,
      )})${
        gap
          ? `; the most common gap is ${vocab.control(gap.control)} (${
              gap.count
            } ${gap.count === 1 ? 'service' : 'services'})`
          : ''
      }.`,
      metricIds: ['tier1_coverage'],
      weight: urgency([coverage]),
    });
  }
  const debt = m('exception_debt');
  if (detail.exceptions.length) {
    const over90 = detail.exceptions.filter(x => x.ageDays > 90).length;
    const uncontrolled = detail.exceptions.filter(
      x => !x.hasCompensatingControl,
    ).length;
    themes.push({
      title: 'Accepted risks',
      text: `${detail.exceptions.length} ${
        detail.exceptions.length === 1 ? 'risk is' : 'risks are'
      } formally accepted and open; ${over90} ${
        over90 === 1 ? 'was' : 'were'
      } accepted more than 90 days ago and ${uncontrolled} ${
        uncontrolled === 1 ? 'has' : 'have'
      } no compensating safeguard.`,
      metricIds: ['exception_debt'],
      weight: urgency([debt]),
    });
  }
  const mttr = m('mttr');
  const age = m('critical_age_internet_tier1');
  if (mttr?.value !== null || age?.value !== null) {
    themes.push({
      title: 'Speed of fixing',
      text: [
        mttr && mttr.value !== null
          ? `Serious weaknesses took ${formatPackValue(
              'days',
              mttr.value,
            )} to fix on average (target ${formatTarget('days', mttr.target)})`
          : undefined,
        age && age.value !== null
          ? `the most serious ones in critical customer-facing services have typically been open ${formatPackValue(
              'days',
              age.value,
            )}`
          : undefined,
      ]
        .filter(Boolean)
        .join('; ')
        .concat('.'),
      metricIds: ['mttr', 'critical_age_internet_tier1'],
      weight: urgency([mttr, age]),
    });
  }
  const gates = m('gate_pass_rate');
  const evidence = m('evidence_completeness');
  if (gates?.value !== null || evidence?.value !== null) {
    themes.push({
      title: 'Release discipline',
      text: [
        gates && gates.value !== null
          ? `${pct(
              gates.value,
            )} of releases passed the security checks first time`
          : undefined,
        evidence && evidence.value !== null
          ? `${pct(
              evidence.value,
            )} of production releases carried complete audit evidence`
          : undefined,
      ]
        .filter(Boolean)
        .join('; ')
        .concat('.'),
      metricIds: ['gate_pass_rate', 'evidence_completeness'],
      weight: urgency([gates, evidence]),
    });
  }
  const exposed = m('secret_exposure_rate');
  if (exposed?.value) {
    themes.push({
      title: 'Leaked credentials',
      text: `${formatPackValue(
        'per100',
        exposed.value,
      )} leaked passwords or keys are still usable; ${pct(
        m('secret_rotation_sla')?.value,
      )} of those due were replaced on time.`,
      metricIds: ['secret_exposure_rate', 'secret_rotation_sla'],
      weight: urgency([exposed, m('secret_rotation_sla')]),
    });
  }
  const items = themes
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 5)
    .map(({ weight, ...t }) => t);
  return {
    kind: 'text',
    id: 'themes',
    items,
    emptyText: 'Nothing was measured in this period.',
  };
}

/** Measures that improved, targets newly met, asks closed in the period. */
export function boardProgress(ctx: PackContext): PackText {
  const { vocab } = ctx;
  const items: PackText['items'] = [];
  for (const m of ctx.metrics) {
    if (m.value === null || countingDominatesMetric(ctx, m)) continue;
    const before = ctx.previousMetrics?.find(x => x.id === m.id);
    const newlyMet = m.status === 'met' && before?.status === 'not-met';
    if (m.direction !== 'improving' && !newlyMet) continue;
    items.push({
      title: vocab.metric(m.id),
      text: `${
        newlyMet ? 'Back on target' : 'Improved'
      }: from ${formatPackValue(m.unit, m.previousValue)} to ${formatPackValue(
        m.unit,
        m.value,
      )}.`,
      metricIds: [m.id],
    });
  }
  const window = packPeriodWindow(ctx.input.period.id);
  for (const ask of ctx.input.asks) {
    if (ask.status !== 'closed' || !ask.closedIn) continue;
    const closed = packPeriodWindow(ask.closedIn);
    if (closed.to <= window.from || closed.from >= window.to) continue;
    items.push({
      title: `Ask closed: ${ask.title}`,
      text: ask.resolution ?? 'Closed this period.',
      metricIds: ask.metricIds,
    });
  }
  return {
    kind: 'text',
    id: 'progress',
    items: items.slice(0, 5),
    emptyText: 'No measure improved materially this period.',
  };
}

function countingDominatesMetric(ctx: PackContext, m: MetricValue): boolean {
  const input = narrativeInputOf(ctx);
  const n = input.metrics.find(x => x.id === m.id);
  return n ? countingDominates(n) : false;
}

/** Measures off target, in words, with what would close the gap. */
export function boardConstraints(ctx: PackContext): PackText {
  const { vocab } = ctx;
  const items = ctx.metrics
    .filter(m => m.status === 'not-met' && m.value !== null)
    .slice(0, 4)
    .map(m => ({
      title: vocab.metric(m.id),
      text: `${formatPackValue(
        m.unit,
        m.value,
      )} against a target of ${formatTarget(m.unit, m.target)}.`,
      metricIds: [m.id],
    }));
  return {
    kind: 'text',
    id: 'constraints',
    title: 'Material constraints',
    items,
    emptyText: 'Every measure is on target.',
  };
}

/** The board's sections after the summary and the key measures. */
export function boardSections(ctx: PackContext): PackSection[] {
  const asks = asksSection(ctx);
  return [
    { id: 'risks', title: 'Top themes', blocks: [boardThemes(ctx)] },
    {
      id: 'execution',
      title: 'Significant progress',
      blocks: [boardProgress(ctx)],
    },
    {
      id: 'asks',
      title: 'Material constraints and asks',
      blocks: [boardConstraints(ctx), ...asks.blocks],
    },
  ];
}
