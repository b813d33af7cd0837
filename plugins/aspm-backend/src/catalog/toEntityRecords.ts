import { Entity, RELATION_MEMBER_OF } from '@backstage/catalog-model';
import {
  DEFECTDOJO_PRODUCT_ID_ANNOTATION,
  OwnerResolution,
  parseAspmAnnotations,
} from '@aspm/plugin-aspm-common';
import { AspmEntityRecord, EntityMappingOptions } from './types';
import { normalizeRef } from './normalizeRef';
import { findBusinessUnit, GroupNode } from './findBusinessUnit';
import { repositoryOf } from './repositoryOf';
import { goldenPathOf } from './goldenPathOf';

interface CatalogIndex {
  groups: Map<string, GroupNode & { title?: string }>;
  /** User ref -> refs of the Groups it is a member of (existing or not). */
  userTeams: Map<string, string[]>;
  /** System ref -> its domain ref. */
  systemDomains: Map<string, string | undefined>;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

function refOf(entity: Entity): string {
  return normalizeRef(
    `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`,
  )!;
}

function buildIndex(entities: Entity[]): CatalogIndex {
  const groups = new Map<string, GroupNode & { title?: string }>();
  const userTeams = new Map<string, string[]>();
  const systemDomains = new Map<string, string | undefined>();
  for (const e of entities) {
    const ns = e.metadata.namespace ?? 'default';
    const kind = e.kind.toLocaleLowerCase('en-US');
    if (kind === 'group') {
      groups.set(refOf(e), {
        parentRef: normalizeRef(e.spec?.parent, {
          defaultKind: 'group',
          defaultNamespace: ns,
        }),
        type: str(e.spec?.type),
        title: str(e.metadata.title),
      });
    } else if (kind === 'user') {
      const teams = new Set<string>();
      const memberOf = Array.isArray(e.spec?.memberOf) ? e.spec!.memberOf : [];
      for (const m of memberOf) {
        const ref = normalizeRef(m, {
          defaultKind: 'group',
          defaultNamespace: ns,
        });
        if (ref) teams.add(ref);
      }
      for (const r of e.relations ?? []) {
        if (r.type === RELATION_MEMBER_OF) {
          const ref = normalizeRef(r.targetRef);
          if (ref) teams.add(ref);
        }
      }
      userTeams.set(refOf(e), [...teams].sort());
    } else if (kind === 'system') {
      systemDomains.set(
        refOf(e),
        normalizeRef(e.spec?.domain, {
          defaultKind: 'domain',
          defaultNamespace: ns,
        }),
      );
    }
  }
  return { groups, userTeams, systemDomains };
}

interface Ownership {
  ownerRef?: string;
  resolution: OwnerResolution;
  reason: string;
  owningTeam?: string;
}

/** Picks the team among a user's groups: a `team`-typed group first, then by name. */
function pickTeam(
  teams: string[],
  groups: CatalogIndex['groups'],
): string | undefined {
  const existing = teams.filter(t => groups.has(t));
  return (
    existing.find(t => groups.get(t)?.type === 'team') ?? existing.sort()[0]
  );
}

function resolveOwner(
  entity: Entity,
  index: CatalogIndex,
  options: EntityMappingOptions,
): Ownership {
  const ns = entity.metadata.namespace ?? 'default';
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'group') {
    return {
      ownerRef: refOf(entity),
      resolution: 'group',
      reason: 'a Group is accountable for itself',
      owningTeam: refOf(entity),
    };
  }
  if (kind === 'user') {
    const team = pickTeam(
      index.userTeams.get(refOf(entity)) ?? [],
      index.groups,
    );
    return team
      ? {
          ownerRef: refOf(entity),
          resolution: 'user-in-team',
          reason: `member of ${team}`,
          owningTeam: team,
        }
      : {
          ownerRef: refOf(entity),
          resolution: 'user-without-team',
          reason: 'the user is a member of no existing Group',
        };
  }

  const raw = str(entity.spec?.owner);
  if (!raw) {
    return {
      resolution: 'missing',
      reason: 'spec.owner is not set',
    };
  }
  const ownerRef = normalizeRef(raw, {
    defaultKind: 'group',
    defaultNamespace: ns,
  });
  if (!ownerRef) {
    return {
      resolution: 'dangling',
      reason: `spec.owner "${raw}" is not a valid entity reference`,
    };
  }
  const ownerKind = ownerRef.split(':')[0];
  const ownerName = ownerRef.split('/').pop()!;
  if (ownerKind === 'group' && index.groups.has(ownerRef)) {
    return {
      ownerRef,
      resolution: 'group',
      reason: `owned by the Group ${ownerRef}`,
      owningTeam: ownerRef,
    };
  }
  if (
    options.placeholderOwners
      .map(p => p.toLocaleLowerCase('en-US'))
      .includes(ownerName)
  ) {
    return {
      ownerRef,
      resolution: 'missing',
      reason: `spec.owner "${raw}" is a placeholder, not a named owner`,
    };
  }
  if (ownerKind === 'group') {
    // A bare name means a Group; say so when a User of that name exists.
    const userRef = ownerRef.replace(/^group:/, 'user:');
    const hint =
      !raw.includes(':') && index.userTeams.has(userRef)
        ? `; a User ${userRef} exists: write "user:${raw}" to mean that user`
        : '';
    return {
      ownerRef,
      resolution: 'dangling',
      reason: `spec.owner points at ${ownerRef}, which is not in the catalog${hint}`,
    };
  }
  if (ownerKind === 'user') {
    const teams = index.userTeams.get(ownerRef);
    if (!teams) {
      return {
        ownerRef,
        resolution: 'dangling',
        reason: `spec.owner points at ${ownerRef}, which is not in the catalog`,
      };
    }
    const team = pickTeam(teams, index.groups);
    return team
      ? {
          ownerRef,
          resolution: 'user-in-team',
          reason: `owned by ${ownerRef}, a member of ${team}`,
          owningTeam: team,
        }
      : {
          ownerRef,
          resolution: 'user-without-team',
          reason: `owned by ${ownerRef}, who is a member of no existing Group`,
        };
  }
  return {
    ownerRef,
    resolution: 'dangling',
    reason: `spec.owner points at a ${ownerKind}, not a Group or User`,
  };
}

/**
 * Maps catalog entities to the posture records the store keeps: owner
 * resolution, owning team, business unit, system, domain, tier, exposure,
 * repository. Pure: the whole catalog goes in, records come out, so it is
 * tested without a catalog and a cycle in the group tree cannot hang it.
 */
export function toEntityRecords(
  entities: Entity[],
  options: EntityMappingOptions,
): AspmEntityRecord[] {
  const index = buildIndex(entities);
  // The owning team of each System, for the business-unit fallback below.
  const systemTeams = new Map<string, string | undefined>();
  for (const entity of entities) {
    if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
      systemTeams.set(
        refOf(entity),
        resolveOwner(entity, index, options).owningTeam,
      );
    }
  }
  const records: AspmEntityRecord[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    const entityRef = refOf(entity);
    if (seen.has(entityRef)) continue;
    seen.add(entityRef);
    const ns = entity.metadata.namespace ?? 'default';
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const annotations = entity.metadata.annotations ?? {};
    const parsed = parseAspmAnnotations(annotations);
    const owner = resolveOwner(entity, index, options);

    const system =
      kind === 'component' || kind === 'api' || kind === 'resource'
        ? normalizeRef(entity.spec?.system, {
            defaultKind: 'system',
            defaultNamespace: ns,
          })
        : undefined;
    let domain: string | undefined;
    if (kind === 'system') {
      domain = index.systemDomains.get(entityRef);
    } else if (system) {
      domain = index.systemDomains.get(system);
    }

    let businessUnit: string | undefined;
    if (parsed.businessUnitOverride) {
      businessUnit = normalizeRef(parsed.businessUnitOverride, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
    } else {
      // The owning team's business unit; failing that (no owner, dangling
      // owner, a team outside any unit), the business unit of the team that
      // owns the entity's System, so unowned software still lands in a unit.
      businessUnit =
        findBusinessUnit(
          owner.owningTeam,
          index.groups,
          options.businessUnitGroupTypes,
        ) ??
        findBusinessUnit(
          system ? systemTeams.get(system) : undefined,
          index.groups,
          options.businessUnitGroupTypes,
        );
    }

    const record: AspmEntityRecord = {
      entityRef,
      kind,
      namespace: ns,
      name: entity.metadata.name,
      title: str(entity.metadata.title),
      type: str(entity.spec?.type),
      lifecycle: str(entity.spec?.lifecycle),
      ownerRef: owner.ownerRef,
      ownerResolution: owner.resolution,
      ownerResolutionReason: owner.reason,
      owningTeam: owner.owningTeam,
      businessUnit,
      system,
      domain,
      tier: parsed.tier,
      exposure: parsed.exposure,
      repository: repositoryOf(annotations),
      defectdojoProductId: str(annotations[DEFECTDOJO_PRODUCT_ID_ANNOTATION]),
      annotationProblems: parsed.problems,
    };
    const goldenPath = goldenPathOf(entity, options.goldenPath);
    if (goldenPath) record.goldenPath = goldenPath;
    if (kind === 'group') {
      record.parentRef = index.groups.get(entityRef)?.parentRef;
    }
    records.push(record);
  }
  return records;
}
