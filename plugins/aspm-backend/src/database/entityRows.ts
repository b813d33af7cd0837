import { AnnotationProblem, AspmEntity } from '@aspm/plugin-aspm-common';
import { AspmEntityRecord } from '../catalog/types';
import { toIso } from '../util/time';

/** A row of aspm_entities. */
export interface EntityRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  owner_resolution: string;
  owner_reason: string;
  owning_team: string | null;
  business_unit: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  parent_ref: string | null;
  tier: string | null;
  exposure: string | null;
  repo_slug: string | null;
  repo_url: string | null;
  repo_source: string | null;
  defectdojo_product_id: string | null;
  golden_path?: string | null;
  annotation_problems: string;
  content_hash: string;
  first_seen_at: Date | string;
  last_synced_at: Date | string;
  gone_at: Date | string | null;
}

export function recordToRow(
  r: AspmEntityRecord,
): Omit<
  EntityRow,
  'content_hash' | 'first_seen_at' | 'last_synced_at' | 'gone_at'
> {
  return {
    entity_ref: r.entityRef,
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    title: r.title ?? null,
    type: r.type ?? null,
    lifecycle: r.lifecycle ?? null,
    owner_ref: r.ownerRef ?? null,
    owner_resolution: r.ownerResolution,
    owner_reason: r.ownerResolutionReason,
    owning_team: r.owningTeam ?? null,
    business_unit: r.businessUnit ?? null,
    system_ref: r.system ?? null,
    domain_ref: r.domain ?? null,
    parent_ref: r.parentRef ?? null,
    tier: r.tier ?? null,
    exposure: r.exposure ?? null,
    repo_slug: r.repository?.slug ?? null,
    repo_url: r.repository?.url ?? null,
    repo_source: r.repository?.source ?? null,
    defectdojo_product_id: r.defectdojoProductId ?? null,
    golden_path: r.goldenPath ?? null,
    annotation_problems: JSON.stringify(r.annotationProblems),
  };
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function rowToEntity(row: EntityRow): AspmEntity {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: opt(row.title),
    type: opt(row.type),
    lifecycle: opt(row.lifecycle),
    ownerRef: opt(row.owner_ref),
    ownerResolution: row.owner_resolution as AspmEntity['ownerResolution'],
    ownerResolutionReason: row.owner_reason,
    owningTeam: opt(row.owning_team),
    businessUnit: opt(row.business_unit),
    system: opt(row.system_ref),
    domain: opt(row.domain_ref),
    tier: opt(row.tier) as AspmEntity['tier'],
    exposure: opt(row.exposure) as AspmEntity['exposure'],
    repository: row.repo_source
      ? {
          slug: opt(row.repo_slug),
          url: opt(row.repo_url),
          source: row.repo_source as 'github.com/project-slug',
        }
      : undefined,
    defectdojoProductId: opt(row.defectdojo_product_id),
    goldenPath: opt(row.golden_path ?? null),
    annotationProblems: JSON.parse(
      row.annotation_problems || '[]',
    ) as AnnotationProblem[],
    firstSeenAt: toIso(row.first_seen_at)!,
    lastSyncedAt: toIso(row.last_synced_at)!,
    goneAt: toIso(row.gone_at),
  };
}
