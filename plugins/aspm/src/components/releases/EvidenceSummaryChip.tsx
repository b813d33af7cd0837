import { AspmRelease } from '@aspm/plugin-aspm-common';
import { evidenceSummary } from '../../utils/releases/evidenceSummary';
import { SeverityChip } from '../shared';

/** "Complete", "2 missing", "1 invalid": the required evidence of a release. */
export const EvidenceSummaryChip = (props: {
  release: Pick<AspmRelease, 'checklist' | 'evidenceComplete'>;
}) => {
  const { label, severity } = evidenceSummary(props.release);
  return <SeverityChip severity={severity} label={label} />;
};
