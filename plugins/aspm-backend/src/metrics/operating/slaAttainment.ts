import {
  MonthlySlaAttainment,
  SLA_ATTAINMENT_SEVERITIES,
  SlaAttainmentCell,
  SlaMiss,
} from '@aspm/plugin-aspm-common';
import { findingSlaDays } from '../findingSlaDays';
import { DAY, MetricContext, ratio, tierKey } from '../MetricContext';

/** Most misses listed per month. */
const SLA_MISSES_LISTED = 100;

interface DueSpell {
  findingId: number;
  entityRef: string;
  severity: string;
  tier: string;
  businessUnit: string;
  deadline: number;
  attained: boolean;
  fixedAt?: number;
}

function cell(key: string, spells: DueSpell[]): SlaAttainmentCell {
  const attained = spells.filter(s => s.attained).length;
  return {
    key,
    attained,
    due: spells.length,
    ratio: ratio(attained, spells.length),
  };
}

/**
 * Remediation SLA attainment in `period` (a month): the open spells of the
 * scope's findings (critical, high, medium, low) whose deadline, spell
 * start + `slaDays[severity][tier]` (untiered: the severity's `default`),
 * fell in the period up to the world's asOf, and how many were fixed by it.
 *
 * - A spell ended by a fix counts with the severity it had when fixed; one
 *   still open at asOf with the severity it has then, as a miss.
 * - A spell accepted under an exception approved by its deadline is not
 *   counted (the risk was accepted in time); approved after it, a miss.
 * - A spell ended as a false positive (or accepted in the scanner) is not
 *   counted.
 * - Tier and business unit are the entity's at asOf.
 *
 * The world's window must start `slaLookBackDays` before `period.from`, so
 * that its fixes hold every spell fixed before its deadline.
 */
export function slaAttainment(
  ctx: MetricContext,
  period: { from: number; to: number },
): MonthlySlaAttainment {
  const end = Math.min(period.to, ctx.world.asOf + 1);
  const counted = new Set<string>(SLA_ATTAINMENT_SEVERITIES);
  const approvedAt = new Map(ctx.exceptions.map(x => [x.id, x.approvedAt]));
  const spells: DueSpell[] = [];
  const consider = (
    spell: { findingId: number; entityRef: string; severity: string },
    spellStart: number,
    outcome: (
      deadline: number,
    ) => { attained: boolean; fixedAt?: number } | undefined,
  ) => {
    if (!counted.has(spell.severity)) return;
    const e = ctx.entities.get(spell.entityRef);
    if (!e) return;
    const days = findingSlaDays(ctx.config.slaDays, spell.severity, e.tier);
    if (days === undefined) return;
    const deadline = spellStart + days * DAY;
    if (deadline < period.from || deadline >= end) return;
    const result = outcome(deadline);
    if (!result) return;
    spells.push({
      ...spell,
      tier: tierKey(e),
      businessUnit: e.businessUnit ?? '(none)',
      deadline,
      ...result,
    });
  };

  for (const x of ctx.fixes) {
    consider(x, x.spellStart, deadline => ({
      attained: x.fixedAt <= deadline,
      fixedAt: x.fixedAt,
    }));
  }
  for (const f of ctx.findings) {
    const spell = {
      findingId: f.id,
      entityRef: f.entityRef,
      severity: f.severity,
    };
    if (f.state === 'open') {
      consider(spell, f.spellStart, () => ({ attained: false }));
    } else if (f.state === 'accepted' && f.exceptionId !== undefined) {
      const approved = approvedAt.get(f.exceptionId);
      consider(spell, f.spellStart, deadline =>
        approved !== undefined && approved > deadline
          ? { attained: false }
          : undefined,
      );
    }
  }

  const groups = (keyOf: (s: DueSpell) => string) => {
    const map = new Map<string, DueSpell[]>();
    for (const s of spells) {
      const k = keyOf(s);
      if (!map.has(k)) map.set(k, []);
      map.get(k)!.push(s);
    }
    return map;
  };
  const byUnit = groups(s => s.businessUnit);
  const bySeverity = groups(s => s.severity);
  const missed = spells
    .filter(s => !s.attained)
    .sort((a, b) => a.deadline - b.deadline || a.findingId - b.findingId);
  return {
    overall: cell('overall', spells),
    byBusinessUnit: [...byUnit.keys()]
      .sort((a, b) => a.localeCompare(b))
      .map(k => cell(k, byUnit.get(k)!)),
    bySeverity: SLA_ATTAINMENT_SEVERITIES.map(k =>
      cell(k, bySeverity.get(k) ?? []),
    ),
    missed: missed.slice(0, SLA_MISSES_LISTED).map(
      (s): SlaMiss => ({
        findingId: s.findingId,
        entityRef: s.entityRef,
        severity: s.severity,
        tier: s.tier,
        deadline: new Date(s.deadline).toISOString(),
        ...(s.fixedAt !== undefined
          ? { fixedAt: new Date(s.fixedAt).toISOString() }
          : {}),
      }),
    ),
    missedTotal: missed.length,
  };
}
