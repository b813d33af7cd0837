/**
 * Days a leaked secret may stay unrotated on an entity of `tier`: the
 * tier's entry of `aspm.secrets.rotationSlaDays`, else its `default`, else 7.
 */
export function rotationSlaDays(
  byTier: Record<string, number>,
  tier: string | undefined,
): number {
  return (tier !== undefined ? byTier[tier] : undefined) ?? byTier.default ?? 7;
}
