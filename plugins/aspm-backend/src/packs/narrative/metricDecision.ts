import { formatPackValue, formatTarget } from './formatPackValue';
import { NarrativeInput, NarrativeMetric } from './NarrativeInput';
import { PackVocabulary } from './packVocabulary';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The decision a metric asks for, when it is below target or worsening
 * (not when only its counting moved it): phrased from the pack's facts
 * (which control tier-1 services lack, which team holds the backlog, which
 * gate fails first). Undefined when nothing needs deciding.
 */
export function metricDecision(
  m: NarrativeMetric,
  input: NarrativeInput,
  vocab: PackVocabulary,
  countingOnly: boolean,
): string | undefined {
  const needs =
    m.value !== null &&
    (m.status === 'not-met' || (m.direction === 'worsening' && !countingOnly));
  if (!needs) return undefined;
  const board = input.audience === 'board';
  const { hints } = input;
  const target = formatTarget(m.unit, m.target);
  switch (m.id) {
    case 'tier1_coverage': {
      const gap = hints.tier1Gaps[0];
      if (!gap) {
        return `Decide who closes the remaining tier-1 coverage gaps to reach ${target}.`;
      }
      const why =
        gap.newTier1 > 0
          ? `${gap.newTier1} of the ${gap.count} services missing it became tier 1 this period`
          : `${gap.count} tier-1 ${
              gap.count === 1 ? 'service lacks' : 'services lack'
            } it`;
      return board
        ? `Decide whether ${vocab.control(
            gap.control,
          )} become a default for every new critical service (${why}).`
        : `Decide whether to make ${vocab.control(
            gap.control,
          )} a paved-road default for new services (${why}).`;
    }
    case 'risk_weighted_critical_backlog': {
      const team = hints.topBacklogTeam;
      if (team && team.share >= 0.2) {
        return board
          ? `Decide whether to give ${team.title}, which carries ${percent(
              team.share,
            )} of the serious weaknesses, dedicated time to fix them.`
          : `Decide whether ${team.title} (${percent(
              team.share,
            )} of the weighted backlog) gets dedicated remediation capacity next period.`;
      }
      return board
        ? 'Decide whether to set aside engineering time across teams to reduce the serious weaknesses.'
        : 'Decide whether to set a remediation sprint across teams: the backlog is spread out.';
    }
    case 'critical_age_internet_tier1':
      return board
        ? 'Decide whether the oldest serious weaknesses in customer-facing services are escalated to the accountable executives.'
        : `Decide on an escalation path for criticals on internet-facing tier-1 services open longer than the target (${target}).`;
    case 'mttr':
      return board
        ? 'Decide whether to hold teams to the agreed time to fix serious weaknesses.'
        : `Decide whether to enforce the critical fix SLA (${target}) with escalation to team leads.`;
    case 'reopen_rate':
      return board
        ? 'Decide whether fixes must be verified before they are counted as done.'
        : 'Decide whether a fix must come with a regression test before its finding is closed.';
    case 'gate_pass_rate': {
      const g = hints.topGateFailure;
      if (g && !board) {
        return `Decide whether to move the ${vocab.gate(
          g.gate,
        )} earlier (pre-merge): it failed ${g.failedFirst} of ${
          g.candidates
        } first attempts.`;
      }
      return board
        ? 'Decide whether to invest in catching security problems before release, where they are cheaper to fix.'
        : 'Decide whether to run the failing gates earlier (pre-merge) to cut rework.';
    }
    case 'exception_debt': {
      const x = hints.exceptions;
      if (x.over90 === 0) {
        return board
          ? `Decide whether the ${x.withoutControl} accepted risks without a compensating safeguard stay accepted.`
          : `Decide whether to add compensating controls to the ${x.withoutControl} exceptions without one (${x.withoutReview} have no review date), before they age past 90 days.`;
      }
      const these = x.over90 === 1 ? 'the risk' : `the ${x.over90} risks`;
      return board
        ? `Decide whether to renew or retire ${these} accepted more than 90 days ago (${x.withoutControl} of all accepted risks have no compensating safeguard).`
        : `Decide whether to renew or retire ${
            x.over90 === 1 ? 'the exception' : `the ${x.over90} exceptions`
          } older than 90 days (of all active: ${
            x.withoutControl
          } without compensating control, ${
            x.withoutReview
          } without review date).`;
    }
    case 'ownership_completeness': {
      const missing =
        m.denominator !== undefined && m.numerator !== undefined
          ? m.denominator - m.numerator
          : undefined;
      const what =
        missing !== undefined ? `the ${missing} unowned` : 'the unowned';
      return board
        ? `Decide which teams become accountable for ${what} software services.`
        : `Assign an accountable owner to ${what} components (each business unit to name a team).`;
    }
    case 'secret_exposure_rate':
      return board
        ? 'Decide whether to fund automatic replacement of leaked credentials.'
        : `Decide whether to fund automated rotation of leaked secrets (now ${formatPackValue(
            m.unit,
            m.value,
          )}).`;
    case 'secret_rotation_sla':
      return board
        ? 'Decide whether late replacement of leaked credentials is escalated to the accountable executive.'
        : "Decide whether secrets past their rotation deadline are escalated to the owning team's director.";
    case 'evidence_completeness':
      return board
        ? 'Decide whether releases without complete audit evidence may still go to production.'
        : 'Decide whether production releases without a complete evidence checklist are blocked.';
    default:
      return `Decide how to bring ${vocab.metric(
        m.id,
      )} back to target (${target}).`;
  }
}
