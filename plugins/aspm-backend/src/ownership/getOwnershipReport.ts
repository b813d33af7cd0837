import { OwnershipQuery, OwnershipReport } from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { AspmConfig } from '../config/readAspmConfig';
import { normalizeGroupRef } from '../catalog/normalizeRef';
import { endOfDayUtc } from '../util/time';
import { computeOwnershipCompleteness } from './computeOwnershipCompleteness';

/** Loads the entities as of the requested date, scopes them, and computes the report. */
export async function getOwnershipReport(options: {
  store: AspmStore;
  config: AspmConfig;
  query: OwnershipQuery;
  now?: Date;
}): Promise<OwnershipReport> {
  const { store, config, query } = options;
  const now = options.now ?? new Date();
  const asOf = query.asOf ? endOfDayUtc(query.asOf) : now;
  const kinds = query.kind?.length ? query.kind : config.ownership.kinds;
  let entities = await store.listEntitiesAsOf({
    asOf: asOf > now ? now : asOf,
    kinds,
  });
  if (query.businessUnit?.length) {
    const wanted = new Set(query.businessUnit.map(normalizeGroupRef));
    entities = entities.filter(
      e => e.businessUnit && wanted.has(e.businessUnit),
    );
  }
  if (query.team?.length) {
    const wanted = new Set(query.team.map(normalizeGroupRef));
    entities = entities.filter(e => e.owningTeam && wanted.has(e.owningTeam));
  }
  if (query.tier?.length) {
    const wanted = new Set(query.tier);
    entities = entities.filter(e => wanted.has(e.tier ?? 'untiered'));
  }
  const report = computeOwnershipCompleteness(entities, {
    asOf,
    kinds,
    groupBy: query.groupBy,
    tierTargets: config.ownership.tierTargets,
    offendersLimit: query.offendersLimit,
    groupTitles: await store.getGroupTitles(),
  });
  return { ...report, lastSync: await store.getLastSyncRun() };
}
