import { createHash } from 'node:crypto';
import { stableStringify } from '../util/stableStringify';
import { MetricsWorld, WorldEntity } from './MetricsWorld';
import { MetricSettings } from './scopeContext';
import {
  deploySource,
  INCIDENT_SOURCE,
  reviewSource,
  SCORECARD_SOURCE,
} from './signalSources';

/** An entity's attributes that decide how it is counted. */
export type BasisEntity = Omit<WorldEntity, 'entityRef' | 'title'>;

/**
 * What the metrics of a day were counted with: the metric settings
 * (weights, SLA days, controls, targets), the sources that had reported
 * (each tool with the entities it had reported on), and the catalog's
 * counting attributes (kind, type, tier, exposure, owner, team, business
 * unit, system, domain, repository, parent group). When two days' bases
 * differ, the numbers between them may have moved because the counting
 * changed, not because security did.
 */
export interface CountingBasis {
  settings: MetricSettings;
  sources: Record<string, string[]>;
  entities: Record<string, BasisEntity>;
}

/** The basis of a world counted with `settings`. */
export function countingBasis(
  world: MetricsWorld,
  settings: MetricSettings,
): CountingBasis {
  const sources = new Map<string, Set<string>>();
  const add = (tool: string, entityRef: string) => {
    if (!sources.has(tool)) sources.set(tool, new Set());
    sources.get(tool)!.add(entityRef);
  };
  for (const f of world.findingSources ?? world.findings) {
    add(f.tool, f.entityRef);
  }
  for (const s of world.scans) add(s.tool, s.entityRef);
  const signals = world.signals;
  if (signals) {
    for (const s of signals.scorecards) add(SCORECARD_SOURCE, s.entityRef);
    for (const r of signals.reviews) add(reviewSource(r.source), r.entityRef);
    for (const d of signals.deployments) {
      add(deploySource(d.source), d.entityRef);
    }
    for (const a of signals.incidentActions) {
      add(INCIDENT_SOURCE, a.ownerEntityRef);
    }
  }
  const entities: Record<string, BasisEntity> = {};
  for (const e of world.entities) {
    const { entityRef, title, ...rest } = e;
    entities[entityRef] = dropUndefined(rest);
  }
  return {
    settings: {
      config: settings.config,
      ownershipKinds: [...settings.ownershipKinds],
      rotationSlaDays: settings.rotationSlaDays,
    },
    sources: Object.fromEntries(
      [...sources.entries()].map(([tool, refs]) => [tool, [...refs].sort()]),
    ),
    entities,
  };
}

/** A basis's content hash (stable key order). */
export function basisHash(basis: CountingBasis): string {
  return createHash('sha256').update(stableStringify(basis)).digest('hex');
}

/** The hash of the settings alone (is a snapshot counted like today?). */
export function settingsHash(settings: MetricSettings): string {
  return createHash('sha256')
    .update(
      stableStringify({
        config: settings.config,
        ownershipKinds: [...settings.ownershipKinds],
        rotationSlaDays: settings.rotationSlaDays,
      }),
    )
    .digest('hex');
}

/** The basis's catalog as world entities (for resolving scopes). */
export function basisEntities(basis: CountingBasis): WorldEntity[] {
  return Object.entries(basis.entities).map(([entityRef, e]) => ({
    entityRef,
    ...e,
  }));
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as T;
}
