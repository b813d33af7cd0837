import { EvidenceItem } from '@aspm/plugin-aspm-common';

const LABELS: Record<EvidenceItem, string> = {
  sbom: 'SBOM',
  provenance: 'Provenance (SLSA)',
  signature: 'Signature',
  scanResults: 'Scan results',
  gateDecision: 'Gate decision',
  approver: 'Approver',
};

/** An evidence checklist item as a label; unknown items as they are. */
export function checklistItemLabel(item: EvidenceItem | string): string {
  return LABELS[item as EvidenceItem] ?? item;
}
