import { MetricItem } from '@aspm/plugin-aspm-common';
import { CoverageControl } from '../../config/readMetricsConfig';
import { WorldEntity } from '../MetricsWorld';
import { entityRecords } from '../worldIndex';
import { protectionGaps } from './program/protectionGaps';
import {
  DAY,
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
  tierKey,
} from '../MetricContext';

const SCAN_CATEGORY: Partial<Record<CoverageControl, string>> = {
  sast: 'code',
  sca: 'dependency',
  secrets: 'secret',
  container: 'container',
};

/** Whether a control applies to an entity (container scans: services only). */
const applies = (control: CoverageControl, e: WorldEntity) =>
  control !== 'container' || e.type === 'service';

/**
 * The controls an entity has and lacks at asOf: owner resolved, repository
 * annotation, a scan of each category within `scanDays`, a release within
 * `releaseDays`.
 */
export function entityControls(
  ctx: MetricContext,
  e: WorldEntity,
): { present: CoverageControl[]; missing: CoverageControl[] } {
  const { asOf } = ctx.world;
  const { controls, scanDays, releaseDays } = ctx.config.coverage;
  const scanned = new Set<string>();
  const records = entityRecords(ctx.world, e.entityRef);
  for (const s of records.scans) {
    if (s.at > asOf || s.at <= asOf - scanDays * DAY) continue;
    s.categories.forEach(c => scanned.add(c));
  }
  const released = records.releases.some(
    r => r.releasedAt <= asOf && r.releasedAt > asOf - releaseDays * DAY,
  );
  const needsProtection = controls.includes('repository-protection');
  const present: CoverageControl[] = [];
  const missing: CoverageControl[] = [];
  for (const c of controls) {
    if (!applies(c, e)) continue;
    let has: boolean;
    if (c === 'owner') has = e.owned;
    else if (c === 'repository') has = e.hasRepository;
    else if (c === 'release-evidence') has = released;
    else if (c === 'repository-protection') {
      has = needsProtection && protectionGaps(ctx, e.entityRef).length === 0;
    } else has = scanned.has(SCAN_CATEGORY[c]!);
    (has ? present : missing).push(c);
  }
  return { present, missing };
}

/**
 * tier1_coverage: tier-1 Components with every required control /
 * tier-1 Components; segments give each control's adoption per tier.
 */
export function tier1Coverage(ctx: MetricContext): MetricComputation {
  const components = [...ctx.entities.values()].filter(
    e => e.kind === 'component',
  );
  const controls = new Map(components.map(e => [e, entityControls(ctx, e)]));
  const tier1 = components.filter(e => e.tier === '1');
  const covered = tier1.filter(e => controls.get(e)!.missing.length === 0);
  const items: MetricItem[] = tier1.map(e => {
    const { missing } = controls.get(e)!;
    return {
      kind: 'entity',
      id: e.entityRef,
      entityRef: e.entityRef,
      label: e.title ?? e.entityRef,
      inNumerator: missing.length === 0,
      note: missing.length
        ? `missing: ${missing.join(', ')}`
        : 'every required control present',
    };
  });
  const segments = ctx.config.coverage.controls.flatMap(control =>
    ratioSegments(
      `control x tier`,
      components.filter(e => applies(control, e)),
      e => `${control} x ${tierKey(e)}`,
      e => controls.get(e)!.present.includes(control),
    ),
  );
  return {
    unit: 'ratio',
    value: ratio(covered.length, tier1.length),
    numerator: covered.length,
    denominator: tier1.length,
    itemKind: 'entity',
    items,
    segments,
  };
}
