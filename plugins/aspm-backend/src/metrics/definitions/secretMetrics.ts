import { rotationSlaDays } from '../../secrets/rotationSlaDays';
import { WorldSecret } from '../MetricsWorld';
import {
  DAY,
  MetricComputation,
  MetricContext,
  ratio,
  round,
} from '../MetricContext';

/** Secrets of in-scope entities detected at or before asOf. */
const scopedSecrets = (ctx: MetricContext) =>
  ctx.secrets.filter(s => s.detectedAt <= ctx.world.asOf);

/** A secret's rotation deadline: detection + the SLA of its entity's tier. */
export function rotationDeadline(ctx: MetricContext, s: WorldSecret): number {
  const tier = ctx.entities.get(s.entityRef)?.tier;
  return s.detectedAt + rotationSlaDays(ctx.rotationSlaDays, tier) * DAY;
}

/**
 * secret_exposure_rate: secrets not rotated by asOf (and not false
 * positives) whose validity is active or unknown, per 100 repositories in
 * scope (Components with a repository annotation).
 */
export function secretExposureRate(ctx: MetricContext): MetricComputation {
  const exposed = scopedSecrets(ctx)
    .filter(s => s.open && s.rotatedAt === undefined)
    .filter(s => s.validity !== 'inactive')
    .sort((a, b) => a.detectedAt - b.detectedAt || a.findingId - b.findingId);
  const repositories = [...ctx.entities.values()].filter(
    e => e.kind === 'component' && e.hasRepository,
  ).length;
  return {
    unit: 'per100',
    value:
      repositories > 0 ? round((exposed.length * 100) / repositories, 2) : null,
    numerator: exposed.length,
    denominator: repositories,
    itemKind: 'finding',
    items: exposed.map(s => ({
      kind: 'finding',
      id: String(s.findingId),
      entityRef: s.entityRef,
      label: s.title,
      note: `validity ${s.validity}, not rotated`,
    })),
    segments: [],
  };
}

function rotationNote(onTime: boolean, rotatedAt?: number): string {
  if (onTime) return 'rotated on time';
  return rotatedAt ? 'rotated late' : 'not rotated';
}

/**
 * secret_rotation_sla: secrets whose rotation deadline falls in the window
 * and that were rotated by it / secrets whose deadline falls in the window.
 */
export function secretRotationSla(ctx: MetricContext): MetricComputation {
  const { from, to } = ctx.world;
  const due = scopedSecrets(ctx)
    .filter(s => s.open || s.rotatedAt !== undefined)
    .map(s => ({ s, deadline: rotationDeadline(ctx, s) }))
    .filter(x => x.deadline >= from && x.deadline < to)
    .sort((a, b) => a.deadline - b.deadline || a.s.findingId - b.s.findingId);
  const onTime = due.filter(
    x => x.s.rotatedAt !== undefined && x.s.rotatedAt <= x.deadline,
  );
  return {
    unit: 'ratio',
    value: ratio(onTime.length, due.length),
    numerator: onTime.length,
    denominator: due.length,
    itemKind: 'finding',
    items: due.map(x => {
      const ok = x.s.rotatedAt !== undefined && x.s.rotatedAt <= x.deadline;
      return {
        kind: 'finding',
        id: String(x.s.findingId),
        entityRef: x.s.entityRef,
        label: x.s.title,
        inNumerator: ok,
        note: `deadline ${new Date(x.deadline)
          .toISOString()
          .slice(0, 10)}: ${rotationNote(ok, x.s.rotatedAt)}`,
      };
    }),
    segments: [],
  };
}
