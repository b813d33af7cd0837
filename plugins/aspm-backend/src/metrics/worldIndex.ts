import {
  MetricsWorld,
  WorldException,
  WorldFinding,
  WorldFix,
  WorldRelease,
  WorldReopen,
  WorldScan,
  WorldSecret,
} from './MetricsWorld';

/** A world's records of one entity. */
export interface EntityRecords {
  findings: WorldFinding[];
  fixes: WorldFix[];
  reopens: WorldReopen[];
  exceptions: WorldException[];
  releases: WorldRelease[];
  secrets: WorldSecret[];
  scans: WorldScan[];
}

/** The record lists a scope takes from a world. */
export type RecordKey = keyof EntityRecords;

const KEYS: RecordKey[] = [
  'findings',
  'fixes',
  'reopens',
  'exceptions',
  'releases',
  'secrets',
  'scans',
];

const EMPTY: EntityRecords = Object.freeze({
  findings: [],
  fixes: [],
  reopens: [],
  exceptions: [],
  releases: [],
  secrets: [],
  scans: [],
}) as EntityRecords;

const cache = new WeakMap<MetricsWorld, Map<string, EntityRecords>>();

/**
 * A world's records grouped by entity ref, built once per world (a scope
 * then costs its own entities, not the whole world: one pass over a
 * million findings serves every team's and entity's snapshot).
 */
export function worldIndex(world: MetricsWorld): Map<string, EntityRecords> {
  let index = cache.get(world);
  if (index) return index;
  index = new Map();
  for (const key of KEYS) {
    for (const record of world[key] as Array<{ entityRef: string }>) {
      let entry = index.get(record.entityRef);
      if (!entry) {
        entry = {
          findings: [],
          fixes: [],
          reopens: [],
          exceptions: [],
          releases: [],
          secrets: [],
          scans: [],
        };
        index.set(record.entityRef, entry);
      }
      (entry[key] as unknown[]).push(record);
    }
  }
  cache.set(world, index);
  return index;
}

/** One entity's records (empty lists when it has none). */
export function entityRecords(
  world: MetricsWorld,
  entityRef: string,
): EntityRecords {
  return worldIndex(world).get(entityRef) ?? EMPTY;
}

/** The records of a set of entities, in the world's order per entity. */
export function scopedRecords(
  world: MetricsWorld,
  entityRefs: Iterable<string>,
): EntityRecords {
  const out: EntityRecords = {
    findings: [],
    fixes: [],
    reopens: [],
    exceptions: [],
    releases: [],
    secrets: [],
    scans: [],
  };
  const index = worldIndex(world);
  for (const ref of entityRefs) {
    const entry = index.get(ref);
    if (!entry) continue;
    for (const key of KEYS) {
      const list = out[key] as unknown[];
      for (const r of entry[key]) list.push(r);
    }
  }
  return out;
}
