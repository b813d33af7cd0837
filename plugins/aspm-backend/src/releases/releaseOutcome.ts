import {
  GateType,
  ReleaseGate,
  ReleaseOutcome,
} from '@aspm/plugin-aspm-common';

/** What a candidate's gates add up to. */
export interface ReleaseVerdict {
  /** Every gate passed (or warned) at attempt 1, and none was re-run. */
  firstPass: boolean;
  outcome: ReleaseOutcome;
  /** Gate types whose last attempt failed: the root causes of a block. */
  blockedBy: GateType[];
}

/**
 * The verdict of a release candidate from its gate results. A warning does
 * not fail a gate. Per gate type the highest attempt is the one that counts:
 * a failure re-run to a pass is "passed after re-run", a failure as the last
 * attempt blocks the candidate, with the gate type as root cause.
 */
export function releaseOutcome(gates: ReleaseGate[]): ReleaseVerdict {
  if (!gates.length) {
    return { firstPass: false, outcome: 'ungated', blockedBy: [] };
  }
  const last = new Map<GateType, ReleaseGate>();
  for (const g of gates) {
    const seen = last.get(g.type);
    if (!seen || g.attempt > seen.attempt) last.set(g.type, g);
  }
  const blockedBy = [...last.values()]
    .filter(g => g.outcome === 'fail')
    .map(g => g.type)
    .sort();
  const firstPass = gates.every(g => g.attempt === 1 && g.outcome !== 'fail');
  let outcome: ReleaseOutcome = 'passed-after-rerun';
  if (blockedBy.length) outcome = 'blocked';
  else if (firstPass) outcome = 'passed';
  return { firstPass, outcome, blockedBy };
}
