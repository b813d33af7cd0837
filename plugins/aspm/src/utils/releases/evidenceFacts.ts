import {
  ProvenanceSummary,
  ReleaseEvidence,
  SbomSummary,
} from '@aspm/plugin-aspm-common';
import { formatDateTime } from '../format';

const ENVELOPES: Record<ProvenanceSummary['envelope'], string> = {
  statement: 'Bare in-toto statement',
  dsse: 'DSSE envelope',
  'sigstore-bundle': 'Sigstore bundle',
};

const plural = (n: number, one: string, other: string) =>
  `${n} ${n === 1 ? one : other}`;

/** Facts read out of an SBOM, as label/value pairs. */
export function sbomFacts(
  sbom: SbomSummary,
  locale?: string,
): Array<[string, string]> {
  const format = sbom.format === 'cyclonedx' ? 'CycloneDX' : 'SPDX';
  const facts: Array<[string, string]> = [
    ['Format', `${format} ${sbom.specVersion}`],
    ['Components', new Intl.NumberFormat(locale).format(sbom.componentCount)],
  ];
  if (sbom.tool) facts.push(['Tool', sbom.tool]);
  if (sbom.createdAt) {
    facts.push(['Created', formatDateTime(sbom.createdAt, locale)]);
  }
  return facts;
}

/** Facts read out of a provenance document, as label/value pairs. */
export function provenanceFacts(
  provenance: ProvenanceSummary,
): Array<[string, string]> {
  const envelope = ENVELOPES[provenance.envelope] ?? provenance.envelope;
  const facts: Array<[string, string]> = [
    ['Builder', provenance.builderId ?? 'not named'],
    ['Predicate type', provenance.predicateType],
    [
      'Envelope',
      provenance.envelope === 'statement'
        ? envelope
        : `${envelope}, ${plural(
            provenance.signatureCount,
            'signature',
            'signatures',
          )} (not verified)`,
    ],
  ];
  if (provenance.buildType) facts.push(['Build type', provenance.buildType]);
  return facts;
}

/**
 * The evidence document whose facts describe a checklist item: of its kind,
 * a valid one first, and one with parsed facts before one without.
 */
export function evidenceForItem(
  evidence: ReleaseEvidence[],
  item: string,
): ReleaseEvidence | undefined {
  const ofKind = evidence.filter(e => e.kind === item);
  const score = (e: ReleaseEvidence) =>
    (e.invalidReason ? 0 : 2) + (e.sbom || e.provenance ? 1 : 0);
  return [...ofKind].sort((a, b) => score(b) - score(a))[0];
}
