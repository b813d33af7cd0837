import { WorldRelease } from '../MetricsWorld';
import { MetricContext } from '../MetricContext';

/** Releases of in-scope entities released in the window [from, to). */
export function windowReleases(ctx: MetricContext): WorldRelease[] {
  const { from, to } = ctx.world;
  return ctx.releases
    .filter(r => r.releasedAt >= from && r.releasedAt < to)
    .sort((a, b) => a.releasedAt - b.releasedAt || a.id - b.id);
}
