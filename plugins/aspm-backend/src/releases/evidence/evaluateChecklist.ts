import {
  EVIDENCE_ITEMS,
  type ChecklistItem,
  type EvidenceItem,
  type EvidenceKind,
  type ReleaseEvidence,
  type ReleaseGate,
} from '@aspm/plugin-aspm-common';

/** Input of {@link evaluateChecklist}. */
export interface EvaluateChecklistInput {
  /** The items a release must meet (flagged `required`). */
  required: EvidenceItem[];
  /** The evidence documents attached to the release. */
  evidence: ReleaseEvidence[];
  /** The gate results posted for the release. */
  gates: ReleaseGate[];
  /** Who approved the release. */
  approvedBy?: string;
}

/** Reasons of a missing document item. */
const MISSING: Record<EvidenceKind, string> = {
  sbom: 'no SBOM attached',
  provenance: 'no provenance attached',
  signature: 'no signature attached',
  scanResults: 'no scan results attached',
};

/**
 * The evidence checklist of a release: one line per item of
 * `EVIDENCE_ITEMS`, in that order.
 *
 * - `sbom`, `provenance`, `signature`, `scanResults`: met when some evidence
 *   of that kind has no `invalidReason`; invalid (with the first invalid
 *   one's reason) when all of that kind are invalid; missing when there is
 *   none.
 * - `signature` is also met, when no signature evidence was attached, by a
 *   valid provenance whose envelope carries signatures (DSSE or Sigstore
 *   bundle). The signatures are counted, not verified.
 * - `gateDecision`: met when gate results were posted.
 * - `approver`: met when the release names its approver.
 */
export function evaluateChecklist(
  input: EvaluateChecklistInput,
): ChecklistItem[] {
  const required = new Set(input.required);
  return EVIDENCE_ITEMS.map(item => ({
    item,
    required: required.has(item),
    ...statusOf(item, input),
  }));
}

function statusOf(
  item: EvidenceItem,
  input: EvaluateChecklistInput,
): Pick<ChecklistItem, 'status' | 'reason'> {
  switch (item) {
    case 'gateDecision':
      return input.gates.length > 0
        ? { status: 'met' }
        : { status: 'missing', reason: 'no gate results were posted' };
    case 'approver':
      return input.approvedBy && input.approvedBy.trim().length > 0
        ? { status: 'met' }
        : { status: 'missing', reason: 'no approving actor' };
    case 'signature':
      if (
        !input.evidence.some(e => e.kind === 'signature') &&
        input.evidence.some(
          e =>
            e.kind === 'provenance' &&
            !e.invalidReason &&
            (e.provenance?.signatureCount ?? 0) > 0,
        )
      ) {
        return { status: 'met' };
      }
      return documentStatus('signature', input.evidence);
    default:
      return documentStatus(item, input.evidence);
  }
}

function documentStatus(
  kind: EvidenceKind,
  evidence: ReleaseEvidence[],
): Pick<ChecklistItem, 'status' | 'reason'> {
  const ofKind = evidence.filter(e => e.kind === kind);
  if (ofKind.some(e => !e.invalidReason)) return { status: 'met' };
  if (ofKind.length > 0) {
    return { status: 'invalid', reason: ofKind[0].invalidReason };
  }
  return { status: 'missing', reason: MISSING[kind] };
}
