const LABELS: Record<string, string> = {
  sast: 'SAST',
  sca: 'SCA',
  dast: 'DAST',
  secrets: 'Secrets',
  iac: 'IaC',
  evidence: 'Evidence',
  signing: 'Signing',
  policy: 'Policy',
};

/** A security gate type as a label ("sca" -> "SCA"); others as they are. */
export function gateTypeLabel(type: string): string {
  return LABELS[type] ?? type;
}
