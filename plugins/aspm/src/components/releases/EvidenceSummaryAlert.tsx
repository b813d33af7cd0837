import { AspmRelease } from '@aspm/plugin-aspm-common';
import Alert from '@material-ui/lab/Alert';
import { evidenceSummary } from '../../utils/releases/evidenceSummary';

/** Whether a release's required evidence is complete, in a sentence. */
export const EvidenceSummaryAlert = (props: { release: AspmRelease }) => {
  const { release } = props;
  const summary = evidenceSummary(release);
  switch (summary.severity) {
    case 'ok':
      return (
        <Alert severity="success">
          Evidence complete: every required item is met.
        </Alert>
      );
    case 'neutral':
      return (
        <Alert severity="info">
          No evidence is required for {release.environment} releases.
        </Alert>
      );
    default:
      return (
        <Alert severity={summary.severity}>
          Evidence incomplete: {summary.label} of the required items.
        </Alert>
      );
  }
};
