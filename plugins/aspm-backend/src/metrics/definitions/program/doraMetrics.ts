import { MetricItem } from '@aspm/plugin-aspm-common';
import {
  DAY,
  days,
  median,
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
  round,
} from '../../MetricContext';
import { WorldDeployment } from '../../MetricsWorld';
import { medianSegments } from './reviewMetrics';
import { byAsOf, inWindow, isProduction, scopedSignals } from './scopedSignals';

/** Production deploys of the scope made in the window. */
function windowDeploys(ctx: MetricContext): WorldDeployment[] {
  return scopedSignals(ctx)
    .deployments.filter(
      d => isProduction(ctx, d.environment) && inWindow(ctx, d.deployedAt),
    )
    .sort((a, b) => a.deployedAt - b.deployedAt || a.id - b.id);
}

const deployItem = (
  d: WorldDeployment,
  note: string,
  extra: Partial<MetricItem> = {},
): MetricItem => ({
  kind: 'deployment',
  id: String(d.id),
  entityRef: d.entityRef,
  label: `${d.version} (${d.environment})`,
  note,
  ...extra,
});

const team = (ctx: MetricContext) => (d: WorldDeployment) =>
  ctx.entities.get(d.entityRef)?.team;
const unit = (ctx: MetricContext) => (d: WorldDeployment) =>
  ctx.entities.get(d.entityRef)?.businessUnit;

/**
 * deployment_frequency: production deploys in the window per week (window
 * days / 7), and the share of them that used the approved release controls
 * (their candidate passed its gates with complete evidence).
 */
export function deploymentFrequency(ctx: MetricContext): MetricComputation {
  const deploys = windowDeploys(ctx);
  const weeks = (ctx.world.to - ctx.world.from) / (7 * DAY);
  const controlled = deploys.filter(d => d.usedReleaseControls).length;
  return {
    unit: 'perWeek',
    value: deploys.length ? round(deploys.length / weeks, 2) : null,
    numerator: deploys.length,
    details: {
      deploys: deploys.length,
      weeks: round(weeks, 2),
      withReleaseControls: controlled,
      releaseControlsShare: ratio(controlled, deploys.length),
    },
    itemKind: 'deployment',
    items: deploys.map(d =>
      deployItem(
        d,
        d.usedReleaseControls
          ? 'used the approved release controls'
          : 'without the approved release controls',
        { inNumerator: d.usedReleaseControls },
      ),
    ),
    segments: [
      ...ratioSegments('team', deploys, team(ctx), d => d.usedReleaseControls),
      ...ratioSegments(
        'businessUnit',
        deploys,
        unit(ctx),
        d => d.usedReleaseControls,
      ),
    ],
  };
}

/**
 * lead_time_for_changes: median days from the first commit of a deploy to
 * the deploy, over production deploys in the window that name it.
 */
export function leadTimeForChanges(ctx: MetricContext): MetricComputation {
  const deploys = windowDeploys(ctx).filter(d => d.firstCommitAt !== undefined);
  const lead = (d: WorldDeployment) => days(d.deployedAt - d.firstCommitAt!);
  return {
    unit: 'days',
    value: median(deploys.map(lead)),
    denominator: deploys.length,
    itemKind: 'deployment',
    items: deploys.map(d =>
      deployItem(d, `${lead(d)} days from first commit`, { value: lead(d) }),
    ),
    segments: [
      ...medianSegments('team', deploys, team(ctx), lead),
      ...medianSegments('businessUnit', deploys, unit(ctx), lead),
    ],
  };
}

/**
 * change_failure_rate: production deploys in the window later marked
 * failed (by asOf) / production deploys in the window; with the share of
 * the failures caused by a missing or bypassed security control.
 */
export function changeFailureRate(ctx: MetricContext): MetricComputation {
  const deploys = windowDeploys(ctx);
  const failed = (d: WorldDeployment) => byAsOf(ctx, d.failedAt);
  const failures = deploys.filter(failed);
  const gaps = failures.filter(d => d.causedByControlGap).length;
  return {
    unit: 'ratio',
    value: ratio(failures.length, deploys.length),
    numerator: failures.length,
    denominator: deploys.length,
    details: {
      failures: failures.length,
      causedByControlGap: gaps,
      controlGapShare: ratio(gaps, failures.length),
    },
    itemKind: 'deployment',
    items: deploys.map(d =>
      deployItem(
        d,
        failed(d)
          ? `failed${d.causedByControlGap ? ' (a security control gap)' : ''}`
          : 'no failure',
        { inNumerator: failed(d) },
      ),
    ),
    segments: [
      ...ratioSegments('team', deploys, team(ctx), failed),
      ...ratioSegments('businessUnit', deploys, unit(ctx), failed),
    ],
  };
}

/**
 * time_to_restore: median days (fractional) from a failed production
 * deploy's failure to the restore, over restores in the window.
 */
export function timeToRestore(ctx: MetricContext): MetricComputation {
  const restored = scopedSignals(ctx).deployments.filter(
    d =>
      isProduction(ctx, d.environment) &&
      d.failedAt !== undefined &&
      inWindow(ctx, d.restoredAt),
  );
  const hours = (d: WorldDeployment) =>
    round((d.restoredAt! - d.failedAt!) / 3_600_000, 1);
  const restore = (d: WorldDeployment) =>
    round((d.restoredAt! - d.failedAt!) / DAY, 2);
  return {
    unit: 'days',
    value: median(restored.map(restore)),
    denominator: restored.length,
    details: { restores: restored.length },
    itemKind: 'deployment',
    items: restored.map(d =>
      deployItem(d, `restored after ${hours(d)} hours`, {
        value: restore(d),
      }),
    ),
    segments: [
      ...medianSegments('team', restored, team(ctx), restore),
      ...medianSegments('businessUnit', restored, unit(ctx), restore),
    ],
  };
}
