/** Hex characters kept of a digest. */
const SHORT_HEX = 12;

/**
 * An artifact digest shortened for display: "sha256:0f3c5e1a9b2d…"; other
 * values as they are.
 */
export function shortDigest(digest: string): string {
  const match = /^([A-Za-z0-9_-]+):([0-9A-Fa-f]+)$/.exec(digest.trim());
  if (!match || match[2].length <= SHORT_HEX) return digest;
  return `${match[1]}:${match[2].slice(0, SHORT_HEX)}…`;
}
