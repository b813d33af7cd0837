import { CountingChange } from '@aspm/plugin-aspm-common';
import { BasisEntity, basisEntities, CountingBasis } from './countingBasis';
import { MetricsWorld, WorldEntity, WorldSignals } from './MetricsWorld';
import {
  deploySource,
  INCIDENT_SOURCE,
  reviewSource,
  SCORECARD_SOURCE,
} from './signalSources';
import { resolveScope } from './resolveScope';
import { MetricSettings } from './scopeContext';

/** A counting change, and how to count the later world the earlier way. */
export interface BasisChange {
  kind: CountingChange['kind'];
  description: string;
  revert: (
    world: MetricsWorld,
    settings: MetricSettings,
  ) => { world: MetricsWorld; settings: MetricSettings };
}

/** The attributes whose change is reported, with their words. */
const ATTRIBUTES: Array<{ key: keyof BasisEntity; label: string }> = [
  { key: 'tier', label: 'tier' },
  { key: 'exposure', label: 'exposure' },
  { key: 'owned', label: 'owner resolution' },
  { key: 'team', label: 'owning team' },
  { key: 'businessUnit', label: 'business unit' },
  { key: 'type', label: 'type' },
  { key: 'system', label: 'system' },
  { key: 'domain', label: 'domain' },
  { key: 'hasRepository', label: 'repository annotation' },
  { key: 'parentRef', label: 'parent group' },
];

const MAX_LISTED = 4;

/**
 * What changed in the counting from `prev` to `next`, as seen by `scope`:
 * the metric settings; tools that began reporting on the scope's entities;
 * entities that joined or left the catalog; attributes (tier, exposure,
 * owner...) changed on entities in the scope at either date. Each change
 * carries a `revert` that counts the later world with the earlier basis, so
 * its effect on a number can be measured.
 */
export function countingChanges(
  prev: CountingBasis,
  next: CountingBasis,
  scope: string | undefined,
): BasisChange[] {
  const changes: BasisChange[] = [];
  const settingsDiff = diffPaths(prev.settings, next.settings);
  if (settingsDiff.length) {
    changes.push({
      kind: 'config',
      description: `metric configuration changed: ${listed(settingsDiff)}`,
      revert: (world, _settings) => ({ world, settings: prev.settings }),
    });
  }

  const prevScope = resolveScope(scope, basisEntities(prev));
  const nextScope = resolveScope(scope, basisEntities(next));
  const inPrev = new Set(
    basisEntities(prev)
      .filter(e => e.kind !== 'group' && prevScope.includes(e))
      .map(e => e.entityRef),
  );
  const inNext = new Set(
    basisEntities(next)
      .filter(e => e.kind !== 'group' && nextScope.includes(e))
      .map(e => e.entityRef),
  );

  const newTools = Object.entries(next.sources)
    .map(([tool, refs]) => ({ tool, refs: refs.filter(r => inNext.has(r)) }))
    .filter(
      ({ tool, refs }) =>
        refs.length > 0 && !(prev.sources[tool] ?? []).some(r => inPrev.has(r)),
    )
    .sort((a, b) => a.tool.localeCompare(b.tool));
  for (const { tool, refs } of newTools) {
    changes.push({
      kind: 'sources',
      description: `${tool} started reporting (on ${plural(
        refs.length,
        'entity',
        'entities',
      )})`,
      revert: (world, settings) => ({
        world: withoutTool(world, tool),
        settings,
      }),
    });
  }

  const joined = [...inNext].filter(r => !prev.entities[r]).sort();
  if (joined.length) {
    changes.push({
      kind: 'entities',
      description: `${plural(
        joined.length,
        'entity',
        'entities',
      )} joined the catalog: ${listed(joined)}`,
      revert: (world, settings) => ({
        world: withEntities(world, new Set(joined), {}),
        settings,
      }),
    });
  }
  const left = [...inPrev].filter(r => !next.entities[r]).sort();
  if (left.length) {
    changes.push({
      kind: 'entities',
      description: `${plural(
        left.length,
        'entity',
        'entities',
      )} left the catalog: ${listed(left)}`,
      revert: (world, settings) => ({
        world: withEntities(
          world,
          new Set(),
          Object.fromEntries(left.map(r => [r, prev.entities[r]])),
        ),
        settings,
      }),
    });
  }

  // Attribute changes on entities in the scope at either date (a team
  // change moves an entity in or out of a team's scope).
  const both = new Set([...inPrev, ...inNext]);
  for (const { key, label } of ATTRIBUTES) {
    const moved = new Map<string, number>();
    const refs: string[] = [];
    for (const ref of both) {
      const a = prev.entities[ref];
      const b = next.entities[ref];
      if (!a || !b || a[key] === b[key]) continue;
      refs.push(ref);
      const transition = `${show(a[key])} → ${show(b[key])}`;
      moved.set(transition, (moved.get(transition) ?? 0) + 1);
    }
    if (!refs.length) continue;
    refs.sort();
    const transitions = [...moved.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([t, n]) => `${t}: ${n}`);
    changes.push({
      kind: 'entities',
      description: `${label} changed on ${plural(
        refs.length,
        'entity',
        'entities',
      )} (${listed(transitions)})`,
      revert: (world, settings) => ({
        world: withEntities(
          world,
          new Set(),
          Object.fromEntries(
            refs.map(r => [
              r,
              { ...next.entities[r], [key]: prev.entities[r][key] },
            ]),
          ),
        ),
        settings,
      }),
    });
  }
  return changes;
}

/** The world without a tool's findings, fixes, reopens, secrets and scans. */
function withoutTool(world: MetricsWorld, tool: string): MetricsWorld {
  const ids = new Set(
    world.findings.filter(f => f.tool === tool).map(f => f.id),
  );
  return {
    ...world,
    findings: world.findings.filter(f => !ids.has(f.id)),
    findingSources: world.findingSources?.filter(s => s.tool !== tool),
    fixes: world.fixes.filter(f => !ids.has(f.findingId)),
    reopens: world.reopens.filter(r => !ids.has(r.findingId)),
    secrets: world.secrets.filter(s => !ids.has(s.findingId)),
    scans: world.scans.filter(s => s.tool !== tool),
    signals: world.signals && withoutSignalSource(world.signals, tool),
  };
}

/** The program signals without those a signal source (see signalSourceNames) reported. */
function withoutSignalSource(s: WorldSignals, name: string): WorldSignals {
  return {
    ...s,
    scorecards: name === SCORECARD_SOURCE ? [] : s.scorecards,
    reviews: s.reviews.filter(r => reviewSource(r.source) !== name),
    deployments: s.deployments.filter(d => deploySource(d.source) !== name),
    incidentActions: name === INCIDENT_SOURCE ? [] : s.incidentActions,
  };
}

/** The world with some entities removed and others set (added or replaced). */
function withEntities(
  world: MetricsWorld,
  removed: Set<string>,
  set: Record<string, BasisEntity>,
): MetricsWorld {
  const entities: WorldEntity[] = [];
  const seen = new Set<string>();
  for (const e of world.entities) {
    if (removed.has(e.entityRef)) continue;
    const replacement = set[e.entityRef];
    entities.push(
      replacement
        ? { entityRef: e.entityRef, title: e.title, ...replacement }
        : e,
    );
    seen.add(e.entityRef);
  }
  for (const [entityRef, e] of Object.entries(set)) {
    if (!seen.has(entityRef)) entities.push({ entityRef, ...e });
  }
  return { ...world, entities };
}

/** Leaf paths whose values differ, as `path: a → b`. */
function diffPaths(a: unknown, b: unknown, path = ''): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap(k => diffPaths(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  return [`${path} ${show(a)} → ${show(b)}`];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
}

function show(v: unknown): string {
  return v === undefined || v === null
    ? 'none'
    : JSON.stringify(v).replace(/"/g, '');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED
    ? `${shown}; and ${items.length - MAX_LISTED} more`
    : shown;
}
