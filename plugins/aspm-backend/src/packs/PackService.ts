import {
  DirectorPack,
  NarrativeItem,
  PackAudience,
  PackNarrativeBody,
  PackNarrativeRevision,
  PackPeriod,
  StrategicAsk,
  StrategicAskInput,
  StrategicAskUpdate,
  WeeklyReleaseBlocks,
} from '@aspm/plugin-aspm-common';
import { InputError, NotFoundError } from '@backstage/errors';
import { MetricsStore } from '../database/MetricsStore';
import { PackStore, StoredFacts } from '../database/PackStore';
import { ReleasesStore } from '../database/ReleasesStore';
import { DAY } from '../metrics/MetricContext';
import { MetricsService } from '../metrics/MetricsService';
import { MetricsWorld } from '../metrics/MetricsWorld';
import { slaLookBackDays } from '../metrics/operating/slaLookBackDays';
import { weeklyReleaseBlocks } from '../metrics/operating/weeklyReleaseBlocks';
import { resolveScope } from '../metrics/resolveScope';
import { MetricSettings, scopeContext } from '../metrics/scopeContext';
import { assemblePack } from './assemble/assemblePack';
import { detailFacts } from './facts/detailFacts';
import { MetricValueOf } from './facts/MetricValueOf';
import { businessUnitScope } from './facts/packScopes';
import { trendFacts } from './facts/trendFacts';
import {
  lastFullPeriod,
  packPeriodWindow,
  PackPeriodWindow,
  shiftPeriod,
  trendLength,
  yearAgoPeriod,
} from './packPeriods';
import { DetailFacts, FACTS_VERSION, TrendFacts } from './PeriodFacts';

/** A period's numbers are frozen once it has been over for this long (late data). */
export const FREEZE_AFTER_MS = DAY;

/** What a pack request names. */
export interface PackRequest {
  audience: PackAudience;
  /** `org` (default) or `businessUnit:<group>`. */
  scope?: string;
  /** Default: the last full month. */
  period?: string;
}

/**
 * Director packs: assembles packs A (leadership), B (managers) and C
 * (board) for the org or a business unit and a period, from numbers
 * computed per period from the stored history (the metrics engine's
 * worlds) and frozen once the period is closed, plus the saved narrative
 * and the strategic asks. Plain class: the HTTP routes and (later) MCP
 * actions call it alike.
 */
export class PackService {
  constructor(
    private readonly deps: {
      metrics: MetricsService;
      store: MetricsStore;
      releases: Pick<ReleasesStore, 'releaseVerdicts'>;
      packs: PackStore;
      settings: MetricSettings;
      /** Whether numbers may be frozen now (not while a demo history loads). */
      canFreeze?: () => boolean;
    },
  ) {}

  /** A pack, as the portal and the exports show it. */
  async pack(
    request: PackRequest,
    options: { canEdit: boolean } = { canEdit: false },
    now = new Date(),
  ): Promise<DirectorPack> {
    const periodId = request.period ?? lastFullPeriod('month', now);
    const window = packPeriodWindow(periodId);
    if (window.from.getTime() > now.getTime()) {
      throw new InputError(`period: ${periodId} has not started yet`);
    }
    const scope = packScope(request.scope);
    const ids = trendIds(window);
    const yearAgoId = yearAgoPeriod(periodId);
    const { trend, detail, frozenAt } = await this.facts(
      window,
      [...new Set([...ids, yearAgoId])],
      now,
    );
    const current = trend.get(periodId)!;
    if (!current.scopes[scope]) {
      const units = Object.keys(current.scopes).filter(s => s !== 'org');
      throw new NotFoundError(
        `No business unit ${scope.slice(
          'businessUnit:'.length,
        )} in the catalog at the end of ${periodId}; the business units then are ${
          units.map(u => u.slice('businessUnit:'.length)).join(', ') || 'none'
        }`,
      );
    }
    const previousId = shiftPeriod(periodId, -1);
    const [saved, asks] = await Promise.all([
      this.deps.packs.latestNarrative({
        scope,
        period: periodId,
        audience: request.audience,
      }),
      this.deps.packs.asksForPeriod({
        scope,
        from: window.from,
        to: window.to,
      }),
    ]);
    return assemblePack({
      audience: request.audience,
      scope,
      period: periodInfo(window, now, frozenAt),
      previous: {
        period: previousId,
        available: trend.get(previousId)!.hasCatalog,
      },
      yearAgo: {
        period: yearAgoId,
        available: trend.get(yearAgoId)!.hasCatalog,
      },
      trend: ids.map(id => trend.get(id)!),
      yearAgoFacts: trend.get(yearAgoId),
      detail,
      ...(saved ? { saved } : {}),
      asks,
      canEdit: options.canEdit,
      generatedAt: now.toISOString(),
    });
  }

  /**
   * Computes and freezes the last closed month's numbers when they are not
   * frozen yet (the daily job calls it): the first director to open a
   * closed month's pack then reads frozen numbers instead of waiting while
   * a year of monthly worlds is computed (over a minute at 5,000 services).
   * Returns the periods it froze.
   */
  async freezeClosed(now = new Date()): Promise<string[]> {
    const id = lastFullPeriod('month', now);
    const window = packPeriodWindow(id);
    if (!this.closed(window, now)) return [];
    const stored = (await this.deps.packs.readFacts([id], 'detail')).get(id);
    if (stored?.version === FACTS_VERSION) return [];
    const { frozenAt } = await this.facts(
      window,
      [...new Set([...trendIds(window), yearAgoPeriod(id)])],
      now,
    );
    return frozenAt ? [id] : [];
  }

  /**
   * The executive summary of pack A as data (for scripts and agents): the
   * risk trend, headline, narrative items, decisions and the scorecard's
   * values.
   */
  async summary(request: Omit<PackRequest, 'audience'>, now = new Date()) {
    const pack = await this.pack(
      { ...request, audience: 'leadership' },
      undefined,
      now,
    );
    const blocks = pack.sections.flatMap(s => s.blocks);
    const narrative = blocks.find(b => b.kind === 'narrative');
    const scorecard = blocks.find(b => b.kind === 'scorecard');
    return {
      scope: pack.scope,
      period: pack.period,
      narrative: narrative?.kind === 'narrative' ? narrative : undefined,
      metrics:
        scorecard?.kind === 'scorecard'
          ? scorecard.metrics.map(({ points, byBusinessUnit, ...m }) => m)
          : [],
    };
  }

  async saveNarrative(
    key: { audience: PackAudience; scope?: string; period: string },
    body: PackNarrativeBody,
    author: string,
    now = new Date(),
  ): Promise<PackNarrativeRevision> {
    packPeriodWindow(key.period);
    const items: PackNarrativeRevision['items'] = body.items.map(i => ({
      whatChanged: i.whatChanged,
      why: i.why,
      ...(i.decision ? { decision: i.decision } : {}),
      metricIds: i.metricIds,
      ...(i.tone ? { tone: i.tone as NarrativeItem['tone'] } : {}),
    }));
    return this.deps.packs.saveNarrative(
      {
        scope: packScope(key.scope),
        period: key.period,
        audience: key.audience,
      },
      { ...(body.headline ? { headline: body.headline } : {}), items },
      author,
      now,
    );
  }

  narrativeRevisions(key: {
    audience: PackAudience;
    scope?: string;
    period: string;
  }) {
    return this.deps.packs.narrativeRevisions({
      scope: packScope(key.scope),
      period: key.period,
      audience: key.audience,
    });
  }

  async createAsk(
    input: StrategicAskInput,
    actor: string,
    now = new Date(),
  ): Promise<StrategicAsk> {
    const raisedIn = input.raisedIn ?? lastFullPeriod('month', now);
    const window = packPeriodWindow(raisedIn);
    return this.deps.packs.createAsk(
      {
        scope: packScope(input.scope),
        kind: input.kind,
        title: input.title,
        ...(input.detail ? { detail: input.detail } : {}),
        metricIds: input.metricIds,
        raisedIn,
        raisedFrom: window.from,
      },
      actor,
      now,
    );
  }

  async updateAsk(
    id: number,
    patch: StrategicAskUpdate,
    actor: string,
    now = new Date(),
  ): Promise<StrategicAsk> {
    const ask = await this.deps.packs.getAsk(id);
    if (!ask) throw new NotFoundError(`No strategic ask ${id}`);
    let closedTo: Date | undefined;
    if (patch.status === 'closed') {
      const closed = packPeriodWindow(patch.closedIn!);
      if (closed.to <= packPeriodWindow(ask.raisedIn).from) {
        throw new InputError(
          `closedIn: ${patch.closedIn} ends before the ask was raised (${ask.raisedIn})`,
        );
      }
      closedTo = closed.to;
    }
    return (await this.deps.packs.updateAsk(
      id,
      { ...patch, ...(closedTo ? { closedTo } : {}) },
      actor,
      now,
    ))!;
  }

  listAsks(query: { scope?: string; status: 'open' | 'closed' | 'all' }) {
    return this.deps.packs.listAsks({
      scope: packScope(query.scope),
      ...(query.status === 'all' ? {} : { status: query.status }),
    });
  }

  /** Forgets a period's frozen numbers: the next pack recomputes (and freezes) them. */
  async refresh(
    period: string,
  ): Promise<{ period: string; forgotten: number }> {
    packPeriodWindow(period);
    return { period, forgotten: await this.deps.packs.deleteFacts(period) };
  }

  /**
   * The trend facts of `periods` and the detail of the pack's own period:
   * frozen ones read, the others computed from worlds loaded together (one
   * read of the findings for all), and frozen when their period is closed.
   */
  private async facts(
    window: PackPeriodWindow,
    periods: string[],
    now: Date,
  ): Promise<{
    trend: Map<string, TrendFacts>;
    detail: DetailFacts;
    frozenAt?: string;
  }> {
    const { packs } = this.deps;
    const closed = (id: string) => this.closed(packPeriodWindow(id), now);
    const usable = (f: StoredFacts | undefined) =>
      f && f.version === FACTS_VERSION ? f : undefined;
    const storedTrend = await packs.readFacts(periods.filter(closed), 'trend');
    const storedDetail = closed(window.id)
      ? usable((await packs.readFacts([window.id], 'detail')).get(window.id))
      : undefined;
    const trend = new Map<string, TrendFacts>();
    for (const id of periods) {
      const f = usable(storedTrend.get(id));
      if (f) trend.set(id, f.data as TrendFacts);
    }
    const missing = periods.filter(id => !trend.has(id));

    // Every world needed, loaded in one batch.
    const worldIds = new Set<string>();
    for (const id of missing) {
      worldIds.add(id);
      worldIds.add(shiftPeriod(id, -1));
    }
    if (!storedDetail) {
      worldIds.add(window.id);
      worldIds.add(shiftPeriod(window.id, -1));
    }
    const list = [...worldIds];
    const slaDays = slaLookBackDays(this.deps.settings.config.slaDays);
    const [worlds, slaWorld] = await Promise.all([
      Promise.all(list.map(id => this.world(packPeriodWindow(id), now, 0))),
      storedDetail ? undefined : this.world(window, now, slaDays),
    ]);
    const worldOf = new Map(list.map((id, i) => [id, worlds[i]]));
    const valueOf: MetricValueOf = (id, ctx, prev) =>
      this.deps.metrics.value(id, ctx, prev).value;

    const freeze: StoredFacts[] = [];
    const computedAt = now.toISOString();
    for (const id of missing) {
      const facts = trendFacts({
        period: id,
        world: worldOf.get(id)!,
        previous: worldOf.get(shiftPeriod(id, -1))!,
        settings: this.deps.settings,
        valueOf,
      });
      trend.set(id, facts);
      // A period the history does not reach yet stays unfrozen: a later
      // backfill (or the first catalog sync) may still fill it.
      if (closed(id) && facts.hasCatalog) {
        freeze.push({
          period: id,
          part: 'trend',
          version: FACTS_VERSION,
          data: facts,
          computedAt,
        });
      }
    }

    let detail: DetailFacts;
    let frozenAt: string | undefined;
    if (storedDetail) {
      detail = storedDetail.data as DetailFacts;
      frozenAt = storedDetail.computedAt;
    } else {
      const world = worldOf.get(window.id)!;
      detail = detailFacts({
        period: window.id,
        world,
        previous: worldOf.get(shiftPeriod(window.id, -1))!,
        slaWorld: slaWorld!,
        settings: this.deps.settings,
        valueOf,
        releaseBlocks: await this.releaseBlocks(world, window),
        intake: await packs.scanIntake({ from: window.from, to: window.to }),
      });
      if (closed(window.id) && trend.get(window.id)!.hasCatalog) {
        freeze.push({
          period: window.id,
          part: 'detail',
          version: FACTS_VERSION,
          data: detail,
          computedAt,
        });
        frozenAt = computedAt;
      }
    }
    if (freeze.length) {
      await packs.saveFacts(freeze);
      // Whoever froze first wins: read back what is stored.
      if (frozenAt && !storedDetail) {
        const kept = usable(
          (await packs.readFacts([window.id], 'detail')).get(window.id),
        );
        if (kept) {
          detail = kept.data as DetailFacts;
          frozenAt = kept.computedAt;
        }
      }
    }
    return { trend, detail, ...(frozenAt ? { frozenAt } : {}) };
  }

  /** Whether a period's numbers are frozen: over for FREEZE_AFTER_MS, and freezing allowed. */
  private closed(w: PackPeriodWindow, now: Date): boolean {
    return (
      w.to.getTime() + FREEZE_AFTER_MS <= now.getTime() &&
      (this.deps.canFreeze?.() ?? true)
    );
  }

  /** The world of a period: read at its end (or now), its window opened `extraDays` early. */
  private world(
    w: PackPeriodWindow,
    now: Date,
    extraDays: number,
  ): Promise<MetricsWorld> {
    const { scanDays, releaseDays } = this.deps.settings.config.coverage;
    const asOf = Math.min(w.to.getTime() - 1, now.getTime());
    return this.deps.store.loadWorld({
      asOf: new Date(asOf),
      from: new Date(w.from.getTime() - extraDays * DAY),
      to: w.to,
      lookBackDays: Math.max(scanDays, releaseDays),
    });
  }

  /** Release candidates blocked in the period, per pack scope (stored verdicts). */
  private async releaseBlocks(
    world: MetricsWorld,
    w: PackPeriodWindow,
  ): Promise<Record<string, WeeklyReleaseBlocks>> {
    const out: Record<string, WeeklyReleaseBlocks> = {};
    const scopes = [
      'org',
      ...[
        ...new Set(
          world.entities
            .filter(e => e.kind !== 'group')
            .map(e => e.businessUnit),
        ),
      ]
        .filter((b): b is string => Boolean(b))
        .map(businessUnitScope),
    ];
    for (const scope of scopes) {
      const ctx = scopeContext(world, scope, this.deps.settings);
      const entityRefs = [...ctx.entities.keys()];
      const verdicts = entityRefs.length
        ? await this.deps.releases.releaseVerdicts({ entityRefs, from: w.from })
        : [];
      out[scope] = weeklyReleaseBlocks(
        verdicts,
        w.from.getTime(),
        w.to.getTime(),
      );
    }
    return out;
  }
}

/** The canonical pack scope: `org` or `businessUnit:group:<ns>/<name>`. */
function packScope(scope: string | undefined): string {
  const resolved = resolveScope(scope ?? 'org', []);
  if (resolved.kind !== 'org' && resolved.kind !== 'businessUnit') {
    throw new InputError(
      `scope: a pack is for the org or one business unit (businessUnit:<group>), got '${scope}'`,
    );
  }
  return resolved.scope;
}

/** The periods of a pack's trend, oldest first, ending with its own. */
function trendIds(window: PackPeriodWindow): string[] {
  const n = trendLength(window.kind);
  return Array.from({ length: n }, (_, i) =>
    shiftPeriod(window.id, i - (n - 1)),
  );
}

function periodInfo(
  w: PackPeriodWindow,
  now: Date,
  frozenAt?: string,
): PackPeriod {
  const to = w.to.getTime();
  let state: PackPeriod['state'] = 'provisional';
  if (to > now.getTime()) state = 'open';
  else if (frozenAt) state = 'closed';
  return {
    id: w.id,
    kind: w.kind,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    asOf: new Date(Math.min(to - 1, now.getTime())).toISOString(),
    state,
    ...(frozenAt ? { frozenAt } : {}),
  };
}
