import { ExceptionSource } from '@aspm/plugin-aspm-common';

const LABELS: Record<ExceptionSource, string> = {
  manual: 'Manual',
  defectdojo: 'DefectDojo',
  github: 'GitHub',
};

/** "Manual" (requested in the portal), "DefectDojo", "GitHub". */
export function exceptionSourceLabel(source: ExceptionSource): string {
  return LABELS[source] ?? source;
}
