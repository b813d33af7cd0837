import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';

/** Parses a ref, or undefined when it is not a valid entity ref. */
export function tryParseEntityRef(
  ref: string | undefined,
  defaultKind?: string,
): CompoundEntityRef | undefined {
  if (!ref) return undefined;
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return undefined;
  }
}

/** The path of an entity's catalog page: /catalog/:namespace/:kind/:name. */
export function catalogEntityPath(ref: string): string | undefined {
  const parsed = tryParseEntityRef(ref);
  if (!parsed) return undefined;
  return `/catalog/${[parsed.namespace, parsed.kind, parsed.name]
    .map(s => encodeURIComponent(s.toLocaleLowerCase('en-US')))
    .join('/')}`;
}

/** "component:default/payments-api" -> "payments-api"; keeps non-default namespaces. */
export function shortEntityRef(ref: string): string {
  const parsed = tryParseEntityRef(ref);
  if (!parsed) return ref;
  return parsed.namespace === 'default'
    ? parsed.name
    : `${parsed.namespace}/${parsed.name}`;
}
