import { SecurityAction } from '@aspm/plugin-aspm-common';
import { entityControls } from '../metrics/definitions/tier1Coverage';
import { rotationDeadline } from '../metrics/definitions/secretMetrics';
import { findingSlaDays } from '../metrics/findingSlaDays';
import { DAY, MetricContext } from '../metrics/MetricContext';
import { CONTROL_HOW_TO } from './controlHowTo';

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function dueOrder(a: SecurityAction): number {
  return a.dueAt ? Date.parse(a.dueAt) : Number.MAX_SAFE_INTEGER;
}

/**
 * The next `withinDays` days' work of a scope, derived from its state at
 * `ctx.world.asOf` (now): open findings whose SLA deadline falls in the
 * period or has passed; active exceptions expiring or due for review in
 * it; leaked secrets past or near their rotation deadline; the latest
 * production release of each entity when its evidence is incomplete; each
 * baseline control a Component lacks. Overdue first, then by deadline;
 * actions without a deadline last.
 */
export function deriveActions(
  ctx: MetricContext,
  withinDays: number,
): SecurityAction[] {
  const now = ctx.world.asOf;
  const horizon = now + withinDays * DAY;
  const out: SecurityAction[] = [];
  const dated = (
    a: Omit<SecurityAction, 'dueAt' | 'overdue' | 'daysLeft'>,
    due: number,
  ) => {
    if (due > horizon) return;
    out.push({
      ...a,
      dueAt: new Date(due).toISOString(),
      overdue: due <= now,
      daysLeft: Math.floor((due - now) / DAY),
    });
  };

  for (const f of ctx.findings) {
    if (f.state !== 'open') continue;
    const tier = ctx.entities.get(f.entityRef)?.tier;
    const sla = findingSlaDays(ctx.config.slaDays, f.severity, tier);
    if (sla === undefined) continue;
    const due = f.spellStart + sla * DAY;
    dated(
      {
        kind: 'finding-sla',
        entityRef: f.entityRef,
        title: f.title,
        action:
          due <= now
            ? `Past its ${sla}-day SLA since ${dateOf(
                due,
              )}: fix it, or request an exception`
            : `Fix by ${dateOf(due)} (${sla}-day SLA for a ${f.severity} on ${
                tier ? `tier ${tier}` : 'an untiered entity'
              })`,
        target: { kind: 'finding', id: String(f.id) },
        severity: f.severity,
      },
      due,
    );
  }

  for (const x of ctx.exceptions) {
    if (x.expiresAt !== undefined) {
      dated(
        {
          kind: 'exception-expiry',
          entityRef: x.entityRef,
          title: `Exception #${x.id} (${x.category})`,
          action: `Expires ${dateOf(
            x.expiresAt,
          )}: fix the findings it covers, or ask for a renewal`,
          target: { kind: 'exception', id: String(x.id) },
        },
        x.expiresAt,
      );
    }
    if (x.reviewAt !== undefined) {
      dated(
        {
          kind: 'exception-review',
          entityRef: x.entityRef,
          title: `Exception #${x.id} (${x.category})`,
          action: `Review due ${dateOf(
            x.reviewAt,
          )}: check the risk and its compensating control still hold`,
          target: { kind: 'exception', id: String(x.id) },
        },
        x.reviewAt,
      );
    }
  }

  for (const s of ctx.secrets) {
    if (!s.open || s.rotatedAt !== undefined || s.detectedAt > now) continue;
    if (s.validity === 'inactive') continue;
    dated(
      {
        kind: 'secret-rotation',
        entityRef: s.entityRef,
        title: s.title,
        action: 'Rotate the secret at its issuer, then record the rotation',
        target: { kind: 'finding', id: String(s.findingId) },
      },
      rotationDeadline(ctx, s),
    );
  }

  const latest = new Map<string, (typeof ctx.releases)[number]>();
  for (const r of ctx.releases) {
    if (r.environment !== 'production' || r.releasedAt > now) continue;
    const seen = latest.get(r.entityRef);
    if (!seen || r.releasedAt > seen.releasedAt) latest.set(r.entityRef, r);
  }
  for (const r of [...latest.values()].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  )) {
    if (r.evidenceComplete) continue;
    out.push({
      kind: 'release-evidence',
      entityRef: r.entityRef,
      title: `Production release ${r.version}`,
      action:
        'Its evidence checklist is incomplete: attach what is missing to the next release',
      overdue: false,
      target: { kind: 'release', id: String(r.id) },
    });
  }

  const components = [...ctx.entities.values()]
    .filter(e => e.kind === 'component')
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  for (const e of components) {
    for (const control of entityControls(ctx, e).missing) {
      out.push({
        kind: 'missing-control',
        entityRef: e.entityRef,
        title: `No ${control} control`,
        action: CONTROL_HOW_TO[control],
        overdue: false,
        target: { kind: 'entity', id: e.entityRef },
        control,
      });
    }
  }

  return out.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      dueOrder(a) - dueOrder(b) ||
      a.entityRef.localeCompare(b.entityRef),
  );
}
