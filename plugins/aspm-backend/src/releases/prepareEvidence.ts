import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { ReleaseEvidence, ReleaseInput } from '@aspm/plugin-aspm-common';
import { stableStringify } from '../util/stableStringify';
import { checkProvenance, parseProvenance, parseSbom } from './evidence';

type EvidenceInput = ReleaseInput['evidence'][number];

/** sha256 of a posted document: its text, or its JSON with sorted keys. */
function digestOf(document: unknown): string {
  const text =
    typeof document === 'string' ? document : stableStringify(document);
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Turns the evidence of a POST /releases into what is stored: parsed facts
 * and a digest, never the bytes. A document that cannot be read (an SBOM of
 * an unknown format, provenance that is not JSON, a DSSE payload that is not
 * base64) is bad input: InputError naming the item, nothing stored. A
 * readable provenance that does not match the release (subject digest,
 * builder) is stored as *invalid*, with the reason.
 */
export function prepareEvidence(
  items: EvidenceInput[],
  release: { artifactDigest?: string; allowedBuilders: string[] },
): ReleaseEvidence[] {
  return items.map((item, i) => {
    const where = `evidence[${i}] (${item.kind})`;
    const out: ReleaseEvidence = {
      kind: item.kind,
      digest:
        item.document === undefined ? item.digest : digestOf(item.document),
      uri: item.uri,
    };
    if (!out.digest) {
      // A scan results link without digest: its link is its identity.
      out.digest = digestOf(item.uri ?? '');
    }
    if (item.document === undefined) return out;
    try {
      if (item.kind === 'sbom') {
        out.sbom = parseSbom(item.document);
      } else if (item.kind === 'provenance') {
        out.provenance = parseProvenance(item.document);
        const check = checkProvenance(out.provenance, release);
        if (check.status === 'invalid') out.invalidReason = check.reason;
      } else if (typeof item.document === 'string' && !item.document.trim()) {
        throw new InputError(`${item.kind}: the document is empty`);
      }
    } catch (e) {
      if (e instanceof InputError) {
        throw new InputError(`Invalid body: ${where}: ${e.message}`);
      }
      throw e;
    }
    return out;
  });
}
