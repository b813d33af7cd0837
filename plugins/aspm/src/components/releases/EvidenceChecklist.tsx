import { AspmRelease } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import { EvidenceChecklistItems } from './EvidenceChecklistItems';
import { EvidenceSummaryAlert } from './EvidenceSummaryAlert';
import { ReleaseHeader } from './ReleaseHeader';

/**
 * The evidence of one release: what the release is, whether its required
 * evidence is complete, and one line per checklist item with the reason
 * of a missing or invalid one.
 */
export const EvidenceChecklist = (props: { release: AspmRelease }) => {
  const { release } = props;
  return (
    <div data-testid="aspm-evidence-checklist">
      <ReleaseHeader release={release} />
      <Box my={2}>
        <EvidenceSummaryAlert release={release} />
      </Box>
      <EvidenceChecklistItems
        checklist={release.checklist}
        evidence={release.evidence}
      />
    </div>
  );
};
