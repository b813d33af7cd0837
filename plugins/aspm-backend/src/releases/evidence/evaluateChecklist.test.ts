import {
  EVIDENCE_ITEMS,
  type ProvenanceSummary,
  type ReleaseEvidence,
  type ReleaseGate,
} from '@aspm/plugin-aspm-common';
import { evaluateChecklist } from './evaluateChecklist';

const signedProvenance: ProvenanceSummary = {
  envelope: 'dsse',
  statementType: 'https://in-toto.io/Statement/v1',
  predicateType: 'https://slsa.dev/provenance/v1',
  subjects: [{ name: 'app', digest: { sha256: 'ab' } }],
  signatureCount: 1,
};
const gate: ReleaseGate = { type: 'sast', outcome: 'pass', attempt: 1 };

const statusByItem = (evidence: ReleaseEvidence[], approvedBy?: string) =>
  Object.fromEntries(
    evaluateChecklist({
      required: [],
      evidence,
      gates: [],
      approvedBy,
    }).map(c => [c.item, [c.status, c.reason]]),
  );

describe('evaluateChecklist', () => {
  it('lists every item in order, flags the required ones, says what is missing', () => {
    expect(
      evaluateChecklist({
        required: ['sbom', 'approver'],
        evidence: [],
        gates: [],
      }),
    ).toEqual([
      {
        item: 'sbom',
        required: true,
        status: 'missing',
        reason: 'no SBOM attached',
      },
      {
        item: 'provenance',
        required: false,
        status: 'missing',
        reason: 'no provenance attached',
      },
      {
        item: 'signature',
        required: false,
        status: 'missing',
        reason: 'no signature attached',
      },
      {
        item: 'scanResults',
        required: false,
        status: 'missing',
        reason: 'no scan results attached',
      },
      {
        item: 'gateDecision',
        required: false,
        status: 'missing',
        reason: 'no gate results were posted',
      },
      {
        item: 'approver',
        required: true,
        status: 'missing',
        reason: 'no approving actor',
      },
    ]);
  });

  it('is met everywhere with valid evidence, gates and an approver', () => {
    const checklist = evaluateChecklist({
      required: [...EVIDENCE_ITEMS],
      evidence: [
        { kind: 'sbom', digest: 'sha256:1' },
        { kind: 'provenance', provenance: signedProvenance },
        { kind: 'signature', uri: 'https://example.org/app.sig' },
        { kind: 'scanResults', uri: 'https://example.org/scans/1' },
      ],
      gates: [gate],
      approvedBy: 'user:default/jane',
    });
    expect(checklist.map(c => c.item)).toEqual([...EVIDENCE_ITEMS]);
    expect(checklist).toEqual(
      EVIDENCE_ITEMS.map(item => ({ item, required: true, status: 'met' })),
    );
  });

  it('is met when one document of a kind is valid, even beside invalid ones', () => {
    expect(
      statusByItem([
        { kind: 'sbom', invalidReason: 'sbom: unknown format' },
        { kind: 'sbom', digest: 'sha256:2' },
      ]).sbom,
    ).toEqual(['met', undefined]);
  });

  it('is invalid, with the first reason, when every document of a kind is', () => {
    expect(
      statusByItem([
        { kind: 'scanResults', invalidReason: 'first problem' },
        { kind: 'scanResults', invalidReason: 'second problem' },
      ]).scanResults,
    ).toEqual(['invalid', 'first problem']);
    expect(
      statusByItem([
        { kind: 'provenance', invalidReason: 'builder x is not allowed' },
      ]).provenance,
    ).toEqual(['invalid', 'builder x is not allowed']);
  });

  it('counts a signed provenance as the signature when none was attached', () => {
    expect(
      statusByItem([{ kind: 'provenance', provenance: signedProvenance }])
        .signature,
    ).toEqual(['met', undefined]);
    expect(
      statusByItem([
        {
          kind: 'provenance',
          provenance: {
            ...signedProvenance,
            envelope: 'sigstore-bundle',
            signatureCount: 2,
          },
        },
      ]).signature,
    ).toEqual(['met', undefined]);
  });

  it('does not count an unsigned or invalid provenance as the signature', () => {
    expect(
      statusByItem([
        {
          kind: 'provenance',
          provenance: {
            ...signedProvenance,
            envelope: 'statement',
            signatureCount: 0,
          },
        },
      ]).signature,
    ).toEqual(['missing', 'no signature attached']);
    expect(
      statusByItem([
        {
          kind: 'provenance',
          provenance: signedProvenance,
          invalidReason: 'digest mismatch',
        },
      ]).signature,
    ).toEqual(['missing', 'no signature attached']);
  });

  it('judges attached signature evidence on its own, even beside a signed provenance', () => {
    expect(
      statusByItem([
        { kind: 'provenance', provenance: signedProvenance },
        { kind: 'signature', invalidReason: 'signature: not a cosign bundle' },
      ]).signature,
    ).toEqual(['invalid', 'signature: not a cosign bundle']);
  });

  it('needs a non-blank approver and at least one gate', () => {
    expect(statusByItem([], '  ').approver).toEqual([
      'missing',
      'no approving actor',
    ]);
    expect(statusByItem([], 'user:default/jane').approver).toEqual([
      'met',
      undefined,
    ]);
    const [gateDecision] = evaluateChecklist({
      required: ['gateDecision'],
      evidence: [],
      gates: [{ ...gate, outcome: 'fail' }],
    }).filter(c => c.item === 'gateDecision');
    expect(gateDecision).toEqual({
      item: 'gateDecision',
      required: true,
      status: 'met',
    });
  });
});
