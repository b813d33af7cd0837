import { ReleaseEvidence } from '@aspm/plugin-aspm-common';
import { evidenceForItem, provenanceFacts, sbomFacts } from './evidenceFacts';

describe('evidence facts', () => {
  it('reads an SBOM', () => {
    expect(
      sbomFacts(
        {
          format: 'cyclonedx',
          specVersion: '1.5',
          componentCount: 1312,
          tool: 'syft',
        },
        'en-US',
      ),
    ).toEqual([
      ['Format', 'CycloneDX 1.5'],
      ['Components', '1,312'],
      ['Tool', 'syft'],
    ]);
    expect(
      sbomFacts({
        format: 'spdx',
        specVersion: 'SPDX-2.3',
        componentCount: 1,
      })[0],
    ).toEqual(['Format', 'SPDX SPDX-2.3']);
  });

  it('reads a provenance', () => {
    expect(
      provenanceFacts({
        envelope: 'dsse',
        statementType: 'https://in-toto.io/Statement/v1',
        predicateType: 'https://slsa.dev/provenance/v1',
        subjects: [],
        builderId: 'https://github.com/actions/runner',
        signatureCount: 1,
      }),
    ).toEqual([
      ['Builder', 'https://github.com/actions/runner'],
      ['Predicate type', 'https://slsa.dev/provenance/v1'],
      ['Envelope', 'DSSE envelope, 1 signature (not verified)'],
    ]);
    expect(
      provenanceFacts({
        envelope: 'statement',
        statementType: 'https://in-toto.io/Statement/v0.1',
        predicateType: 'https://slsa.dev/provenance/v0.2',
        subjects: [],
        signatureCount: 0,
        buildType: 'https://example.com/build',
      }),
    ).toEqual([
      ['Builder', 'not named'],
      ['Predicate type', 'https://slsa.dev/provenance/v0.2'],
      ['Envelope', 'Bare in-toto statement'],
      ['Build type', 'https://example.com/build'],
    ]);
  });

  it('picks a valid document with facts first', () => {
    const evidence: ReleaseEvidence[] = [
      { kind: 'sbom', invalidReason: 'broken' },
      { kind: 'sbom', uri: 'https://x/sbom.json' },
      {
        kind: 'sbom',
        sbom: { format: 'spdx', specVersion: '2.3', componentCount: 3 },
      },
      { kind: 'provenance' },
    ];
    expect(evidenceForItem(evidence, 'sbom')).toBe(evidence[2]);
    expect(evidenceForItem(evidence, 'provenance')).toBe(evidence[3]);
    expect(evidenceForItem(evidence, 'approver')).toBeUndefined();
  });
});
