import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Parses a (possibly shorthand) entity reference into its canonical, lower-case
 * string form. Entity refs compare case-insensitively in Backstage; the store
 * keeps them lower-case so joins and filters are plain equality.
 * Returns undefined for something that is not a reference at all.
 */
export function normalizeRef(
  ref: unknown,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string | undefined {
  if (typeof ref !== 'string' || !ref.trim()) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), {
        defaultKind: defaults.defaultKind,
        defaultNamespace: defaults.defaultNamespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * A Group filter value from the API ("payments-bu", "group:payments-bu",
 * "group:default/payments-bu") in the store's form.
 */
export function normalizeGroupRef(value: string): string {
  return (
    normalizeRef(value, { defaultKind: 'group' }) ??
    value.toLocaleLowerCase('en-US')
  );
}
