import type { ProvenanceSummary } from '@aspm/plugin-aspm-common';

/** Options of {@link checkProvenance}. */
export interface CheckProvenanceOptions {
  /** The release artifact's digest, `<algorithm>:<hex>`, e.g. `sha256:ab12…`. */
  artifactDigest?: string;
  /**
   * Builder ids to accept (`aspm.releases.allowedBuilders`). An entry matches
   * a builder id exactly, or as a prefix when it ends with `*`. An empty list
   * means no allow-list is configured: any builder is accepted.
   */
  allowedBuilders: string[];
}

/** The outcome of {@link checkProvenance}. */
export interface ProvenanceCheck {
  status: 'met' | 'invalid';
  /** Why it is invalid, in words; several reasons are joined with `; `. */
  reason?: string;
}

/** How the config key is named in reasons. */
const ALLOW_LIST_KEY = 'aspm.releases.allowedBuilders';

/** Hex characters of a digest shown in reasons. */
const SHORT_HEX = 12;

/**
 * Checks parsed provenance against a release: some subject must carry the
 * release artifact's digest (same algorithm, hex compared
 * case-insensitively), and the builder must be on the allow-list when one is
 * configured. Signatures are not verified here.
 */
export function checkProvenance(
  p: ProvenanceSummary,
  opts: CheckProvenanceOptions,
): ProvenanceCheck {
  const reasons = [
    subjectMismatch(p, opts.artifactDigest),
    builderRejection(p.builderId, opts.allowedBuilders),
  ].filter((r): r is string => r !== undefined);
  return reasons.length === 0
    ? { status: 'met' }
    : { status: 'invalid', reason: reasons.join('; ') };
}

function subjectMismatch(
  p: ProvenanceSummary,
  artifactDigest: string | undefined,
): string | undefined {
  if (!artifactDigest || artifactDigest.trim().length === 0) {
    return 'the release has no artifact digest to match';
  }
  const match = /^([A-Za-z0-9_-]+):([0-9A-Fa-f]+)$/.exec(artifactDigest.trim());
  if (!match) {
    return `the release artifact digest ${JSON.stringify(
      artifactDigest,
    )} is not of the form <algorithm>:<hex>`;
  }
  const algorithm = match[1].toLowerCase();
  const hex = match[2].toLowerCase();
  const wanted = `${algorithm}:${shorten(hex)}`;

  const subjectDigests = p.subjects.flatMap(s =>
    Object.entries(s.digest).map(([alg, value]) => ({
      alg: alg.toLowerCase(),
      value: value.toLowerCase(),
    })),
  );
  if (subjectDigests.some(d => d.alg === algorithm && d.value === hex)) {
    return undefined;
  }
  const shown = subjectDigests.map(d => `${d.alg}:${shorten(d.value)}`);
  if (shown.length === 0) {
    return `the provenance has no subject digests to match the release artifact ${wanted}`;
  }
  if (!subjectDigests.some(d => d.alg === algorithm)) {
    return `no subject has a ${algorithm} digest to match the release artifact ${wanted} (subject ${plural(
      shown.length,
      'digest',
    )} ${shown.join(', ')})`;
  }
  return shown.length === 1
    ? `subject digest ${shown[0]} does not match the release artifact ${wanted}`
    : `subject digests ${shown.join(
        ', ',
      )} do not match the release artifact ${wanted}`;
}

function builderRejection(
  builderId: string | undefined,
  allowedBuilders: string[],
): string | undefined {
  // An empty list means no allow-list is configured: accept any builder,
  // even a provenance that names none.
  if (allowedBuilders.length === 0) return undefined;
  if (!builderId) return 'no builder id in the provenance';
  if (allowedBuilders.some(entry => builderMatches(entry, builderId))) {
    return undefined;
  }
  return `builder ${builderId} is not in the allowed builders (${ALLOW_LIST_KEY})`;
}

/**
 * True when an allow-list entry admits a builder id: exact match, or prefix
 * match when the entry ends with `*` (only a trailing `*` is special).
 */
function builderMatches(entry: string, builderId: string): boolean {
  return entry.endsWith('*')
    ? builderId.startsWith(entry.slice(0, -1))
    : builderId === entry;
}

function shorten(hex: string): string {
  return hex.length > SHORT_HEX ? `${hex.slice(0, SHORT_HEX)}…` : hex;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
