import { NarrativeItem, PackNarrative } from '@aspm/plugin-aspm-common';
import { formatChange, formatPackValue, formatTarget } from './formatPackValue';
import {
  NarrativeDriver,
  NarrativeInput,
  NarrativeMetric,
} from './NarrativeInput';
import { metricDecision } from './metricDecision';
import { packVocabulary, PackVocabulary } from './packVocabulary';

/** The generated part of a pack narrative. */
export type GeneratedNarrative = Pick<
  PackNarrative,
  'trend' | 'headline' | 'items' | 'decisions'
>;

/** How many items each audience reads before the "held steady" line. */
const ITEM_LIMIT = { leadership: 6, managers: 11, board: 3 } as const;

/** The change of a metric since the previous period, or undefined without one. */
function delta(m: NarrativeMetric): number | undefined {
  if (m.value === null || m.previousValue === null) return undefined;
  if (m.previousValue === undefined) return undefined;
  return m.value - m.previousValue;
}

/** The sum of the counting changes' effects on the metric. */
function countingEffect(m: NarrativeMetric): number {
  return m.countingChanges.reduce((s, c) => s + (c.effect ?? 0), 0);
}

/**
 * Whether the counting explains most of the movement: its effect is at
 * least half the change (or the metric held only because of it).
 */
export function countingDominates(m: NarrativeMetric): boolean {
  const effect = countingEffect(m);
  if (!m.countingChanges.length || effect === 0) return false;
  const d = delta(m) ?? 0;
  return Math.abs(effect) >= 0.5 * Math.abs(d);
}

const fmt = (m: NarrativeMetric, v: number | null | undefined) =>
  formatPackValue(m.unit, v);

/** `target at least 95 %, met`, or `must not worsen` for a metric without a fixed target. */
function targetPhrase(m: NarrativeMetric): string {
  if (!m.target) return 'must not worsen';
  return `target ${formatTarget(m.unit, m.target)}, ${
    m.status === 'met' ? 'on target' : 'below target'
  }`;
}

/** A metric in a few words, for the "also" line. */
function alsoText(m: NarrativeMetric, vocab: PackVocabulary): string {
  const title = vocab.metric(m.id);
  if (countingDominates(m))
    return `${title} moved mostly through a counting change`;
  if (m.direction === 'improving') {
    return `${title} improved (${fmt(m, m.previousValue)} to ${fmt(
      m,
      m.value,
    )})`;
  }
  if (m.direction === 'worsening') {
    return `${title} worsened (${fmt(m, m.previousValue)} to ${fmt(
      m,
      m.value,
    )})`;
  }
  return `${title} stays below target at ${fmt(m, m.value)}`;
}

/** Further numbers a metric is read with (exception debt: its old exceptions). */
function detailText(m: NarrativeMetric): string {
  const over90 = m.details?.over90Days;
  if (m.id === 'exception_debt' && typeof over90 === 'number') {
    return ` ${over90} ${over90 === 1 ? 'is' : 'are'} older than 90 days.`;
  }
  return '';
}

function whatChanged(m: NarrativeMetric, vocab: PackVocabulary): string {
  const title = vocab.metric(m.id);
  const target = targetPhrase(m);
  const year =
    m.yearAgoValue !== undefined && m.yearAgoValue !== null
      ? ` A year earlier: ${fmt(m, m.yearAgoValue)}.`
      : '';
  const d = delta(m);
  if (d === undefined) {
    return `${title} is ${fmt(
      m,
      m.value,
    )} (${target}); the previous period has nothing to compare with.${detailText(
      m,
    )}${year}`;
  }
  if (m.direction === 'flat' || d === 0) {
    return `${title} held at ${fmt(m, m.value)} (previous ${fmt(
      m,
      m.previousValue,
    )}; ${target}).${detailText(m)}${year}`;
  }
  const verb = d > 0 ? 'rose' : 'fell';
  return `${title} ${verb} from ${fmt(m, m.previousValue)} to ${fmt(
    m,
    m.value,
  )} (${formatChange(m.unit, d)}; ${target}).${detailText(m)}${year}`;
}

/** The parts that moved the same way as the whole, most first. */
export function topDrivers(
  drivers: NarrativeDriver[],
  total: number,
  limit = 2,
): Array<NarrativeDriver & { change: number }> {
  return drivers
    .filter(
      d =>
        typeof d.value === 'number' &&
        typeof d.previousValue === 'number' &&
        d.value !== d.previousValue,
    )
    .map(d => ({ ...d, change: d.value! - d.previousValue! }))
    .filter(d => total === 0 || Math.sign(d.change) === Math.sign(total))
    .sort(
      (a, b) =>
        Math.abs(b.change) - Math.abs(a.change) ||
        a.title.localeCompare(b.title),
    )
    .slice(0, limit);
}

function driverText(
  m: NarrativeMetric,
  d: NarrativeDriver & { change: number },
): string {
  return `${d.title} (${fmt(m, d.previousValue)} to ${fmt(m, d.value)})`;
}

const list = (parts: string[]) =>
  parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

function why(
  m: NarrativeMetric,
  input: NarrativeInput,
  vocab: PackVocabulary,
): string {
  const parts: string[] = [];
  const d = delta(m) ?? 0;
  if (countingDominates(m)) {
    const c = m.countingChanges[0];
    const old =
      m.countingChanges.length === 1 ? c.valueWithoutChange : undefined;
    parts.push(
      input.audience === 'board'
        ? `Most of this movement is not a change in security: ${vocab.countingChange(
            c.kind,
            c.description,
          )}${
            old !== undefined
              ? `; counted the earlier way it would be ${fmt(m, old)}`
              : ''
          }.`
        : `Most of the change is counting, not security: ${m.countingChanges
            .map(
              x =>
                `${x.description} (effect ${formatChange(
                  m.unit,
                  x.effect ?? 0,
                )})`,
            )
            .join('; ')}${
            old !== undefined
              ? `; counted the old way it is ${fmt(m, old)}`
              : ''
          }.`,
    );
  }
  if (
    m.id === 'tier1_coverage' &&
    m.status !== 'met' &&
    input.hints.tier1Gaps.length
  ) {
    const gaps = input.hints.tier1Gaps.slice(0, 2).map(g => {
      const fresh = g.newTier1
        ? `, ${g.newTier1} of them new to tier 1 this period`
        : '';
      return `${g.count} ${
        g.count === 1 ? 'service lacks' : 'services lack'
      } ${vocab.control(g.control)}${fresh}`;
    });
    parts.push(`Among the tier-1 services, ${list(gaps)}.`);
  }
  if (d !== 0 && !countingDominates(m)) {
    const units = topDrivers(m.byBusinessUnit, d);
    const teams = topDrivers(m.byTeam, d, 1);
    const drivers: string[] = [];
    if (units.length)
      drivers.push(
        `${
          units.length === 1 ? 'the business unit' : 'the business units'
        } ${list(units.map(u => driverText(m, u)))}`,
      );
    if (teams.length) drivers.push(`the team ${driverText(m, teams[0])}`);
    if (m.bySource && input.audience !== 'board') {
      const sources = topDrivers(m.bySource, d, 2);
      if (sources.length) {
        drivers.push(
          `findings from ${list(
            sources.map(
              s => `${vocab.source(s.key)} (${formatChange(m.unit, s.change)})`,
            ),
          )}`,
        );
      }
    }
    parts.push(
      drivers.length
        ? `Driven mostly by ${list(drivers)}.`
        : 'The change is spread out: no single business unit or team drives it.',
    );
  }
  if (!parts.length) {
    parts.push(
      m.status === 'met'
        ? 'No business unit or team moved materially.'
        : 'No business unit or team moved materially; the gap to target is structural.',
    );
  }
  return parts.join(' ');
}

/** How much a metric deserves a line of its own. */
function materiality(m: NarrativeMetric): number {
  let score = 0;
  if (m.status === 'not-met') score += 3;
  if (countingDominates(m)) score += 2;
  else if (m.direction === 'worsening') score += 3;
  else if (m.direction === 'improving') score += 2;
  const d = delta(m);
  if (d !== undefined && m.previousValue) {
    score += Math.min(2, (Math.abs(d) / Math.abs(m.previousValue)) * 5);
  }
  if (m.id === 'risk_weighted_critical_backlog') score += 0.5;
  return score;
}

function toneOf(m: NarrativeMetric): NarrativeItem['tone'] {
  if (m.value === null) return 'no-data';
  if (countingDominates(m)) return 'counting';
  return m.direction ?? 'flat';
}

/** Whether a metric needs no line of its own: on target and not moving. */
const steady = (m: NarrativeMetric) =>
  m.status === 'met' &&
  !countingDominates(m) &&
  (m.direction === 'flat' || m.direction === undefined);

/** The risk trend: metrics improving minus worsening (the backlog counts twice), counting moves left out. */
export function riskTrend(
  metrics: NarrativeMetric[],
): GeneratedNarrative['trend'] {
  const measured = metrics.filter(m => m.value !== null);
  if (!measured.length) return 'no-data';
  let score = 0;
  for (const m of measured) {
    if (countingDominates(m)) continue;
    const w = m.id === 'risk_weighted_critical_backlog' ? 2 : 1;
    if (m.direction === 'improving') score += w;
    if (m.direction === 'worsening') score -= w;
  }
  if (score > 0) return 'improving';
  if (score < 0) return 'worsening';
  return 'flat';
}

/**
 * The executive summary of a pack, generated from its numbers: the risk
 * trend, a headline, and narrative pairs (what changed, why: the business
 * units, teams, sources or counting changes that moved it, and what
 * decision is needed), most material first; metrics on target that held
 * steady share one line. The board's wording names no tools and no
 * scanner jargon.
 */
export function narrateSummary(input: NarrativeInput): GeneratedNarrative {
  const vocab = packVocabulary(input.audience);
  const measured = input.metrics.filter(m => m.value !== null);
  if (!input.hasData || !measured.length) {
    return {
      trend: 'no-data',
      headline: `No security data for ${input.scopeTitle} in ${input.periodLabel}.`,
      items: [
        {
          id: 'no-data',
          metricIds: [],
          tone: 'no-data',
          whatChanged: 'Nothing was measured in this period.',
          why:
            input.audience === 'board'
              ? 'The inventory of services did not cover this period yet.'
              : 'The ASPM store holds no catalog entities of this scope at the period end: the history starts later, or the catalog sync has not run yet (POST /api/aspm/catalog-sync).',
        },
      ],
      decisions: [],
    };
  }

  const ranked = measured
    .map(m => ({ m, score: materiality(m) }))
    .sort((a, b) => b.score - a.score || a.m.id.localeCompare(b.m.id));
  const own = ranked
    .filter(r => !steady(r.m))
    .slice(0, ITEM_LIMIT[input.audience]);
  const ownIds = new Set(own.map(r => r.m.id));
  const items: NarrativeItem[] = own.map(({ m }) => {
    const decision = metricDecision(m, input, vocab, countingDominates(m));
    return {
      id: m.id,
      metricIds: [m.id],
      tone: toneOf(m),
      whatChanged: whatChanged(m, vocab),
      why: why(m, input, vocab),
      ...(decision ? { decision } : {}),
    };
  });
  // The board reads the rest in its key measures: no "also" line.
  const overflow = ranked.filter(r => !steady(r.m) && !ownIds.has(r.m.id));
  if (overflow.length && input.audience !== 'board') {
    items.push({
      id: 'also',
      metricIds: overflow.map(r => r.m.id),
      tone: 'flat',
      whatChanged: `Also: ${list(
        overflow.map(({ m }) => alsoText(m, vocab)),
      )}.`,
      why: 'Less material this period; the scorecard has the detail.',
    });
  }
  const held = measured.filter(m => steady(m));
  if (held.length) {
    items.push({
      id: 'steady',
      metricIds: held.map(m => m.id),
      tone: 'flat',
      whatChanged: `Held steady and on target: ${list(
        held.map(m => vocab.metric(m.id)),
      )}.`,
      why: 'No material movement since the previous period.',
    });
  }
  const unmeasured = input.metrics.filter(m => m.value === null);
  if (unmeasured.length && input.audience !== 'board') {
    items.push({
      id: 'no-data',
      metricIds: unmeasured.map(m => m.id),
      tone: 'no-data',
      whatChanged: `Not measured this period: ${list(
        unmeasured.map(m => vocab.metric(m.id)),
      )}.`,
      why: 'There was nothing to count in the period (for example no releases, no critical fixes or no secrets due).',
    });
  }

  const trend = riskTrend(input.metrics);
  const improved = measured.filter(
    m => m.direction === 'improving' && !countingDominates(m),
  ).length;
  const worsened = measured.filter(
    m => m.direction === 'worsening' && !countingDominates(m),
  ).length;
  const met = measured.filter(m => m.status === 'met').length;
  const decisions = items.flatMap(i => (i.decision ? [i.decision] : []));
  const headline =
    input.audience === 'board'
      ? `Security posture is ${
          {
            improving: 'improving',
            worsening: 'deteriorating',
            flat: 'stable',
            'no-data': 'unmeasured',
          }[trend]
        }: ${improved} of ${
          measured.length
        } measures improved and ${worsened} deteriorated since ${
          input.previousLabel
        }; ${met} of ${measured.length} are on target.`
      : `Risk is ${trend === 'flat' ? 'flat' : trend} for ${
          input.scopeTitle
        } in ${
          input.periodLabel
        }: ${improved} metrics improved, ${worsened} worsened against ${
          input.previousLabel
        }; ${met} of ${measured.length} meet target; ${decisions.length} ${
          decisions.length === 1 ? 'decision' : 'decisions'
        } needed.`;
  return { trend, headline, items, decisions };
}
