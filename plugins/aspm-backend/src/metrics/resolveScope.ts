import { InputError } from '@backstage/errors';
import { normalizeGroupRef, normalizeRef } from '../catalog/normalizeRef';
import { WorldEntity } from './MetricsWorld';

/** The entities a scope selects, and the scope in canonical form. */
export interface ResolvedScope {
  scope: string;
  kind: 'org' | 'businessUnit' | 'team' | 'system' | 'domain' | 'entity';
  includes: (e: WorldEntity) => boolean;
}

/**
 * Parses a scope: `org`; `businessUnit:<group>`; a Group ref (the team and
 * all its sub-teams, as the hierarchy was at asOf); a System or Domain ref
 * (the entities in it); any other entity ref (that entity). InputError when
 * the text is not one of these.
 */
export function resolveScope(
  scope: string | undefined,
  entities: WorldEntity[],
): ResolvedScope {
  const text = (scope ?? 'org').trim();
  if (!text || text === 'org') {
    return { scope: 'org', kind: 'org', includes: () => true };
  }
  if (text.startsWith('businessUnit:')) {
    const bu = normalizeGroupRef(text.slice('businessUnit:'.length));
    return {
      scope: `businessUnit:${bu}`,
      kind: 'businessUnit',
      includes: e => e.businessUnit === bu,
    };
  }
  const ref = normalizeRef(text);
  if (!ref || !text.includes(':')) {
    throw new InputError(
      `scope: must be org, businessUnit:<group>, or an entity ref such as group:default/payments (got '${text}')`,
    );
  }
  const kind = ref.split(':')[0];
  if (kind === 'group') {
    const teams = teamAndSubTeams(ref, entities);
    return {
      scope: ref,
      kind: 'team',
      includes: e => Boolean(e.team && teams.has(e.team)),
    };
  }
  if (kind === 'system') {
    return { scope: ref, kind: 'system', includes: e => e.system === ref };
  }
  if (kind === 'domain') {
    return { scope: ref, kind: 'domain', includes: e => e.domain === ref };
  }
  return { scope: ref, kind: 'entity', includes: e => e.entityRef === ref };
}

/** A Group and every Group below it (by spec.parent), cycles tolerated. */
export function teamAndSubTeams(
  groupRef: string,
  entities: WorldEntity[],
): Set<string> {
  const children = new Map<string, string[]>();
  for (const e of entities) {
    if (e.kind !== 'group' || !e.parentRef) continue;
    if (!children.has(e.parentRef)) children.set(e.parentRef, []);
    children.get(e.parentRef)!.push(e.entityRef);
  }
  const out = new Set<string>([groupRef]);
  const queue = [groupRef];
  while (queue.length) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        queue.push(child);
      }
    }
  }
  return out;
}
