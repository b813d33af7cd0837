import { AspmRelease } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useRelease } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { DetailsDialog, useDetailsDialogStyles } from '../shared';
import { EvidenceChecklistItems } from './EvidenceChecklistItems';
import { EvidenceSummaryAlert } from './EvidenceSummaryAlert';
import { ReleaseGatesTable } from './ReleaseGatesTable';
import { ReleaseHeader } from './ReleaseHeader';

/**
 * One release candidate in a dialog: what it is, every gate attempt with
 * its reason, and the evidence checklist. It shows the row it was opened
 * from at once and the release as the server has it now once loaded.
 */
export const ReleaseDetailsDialog = (props: {
  release: AspmRelease;
  onClose: () => void;
}) => {
  const { onClose } = props;
  const classes = useDetailsDialogStyles();
  const { value, loading, error } = useRelease(props.release.id);
  const release = value ?? props.release;
  const titleId = `aspm-release-${release.id}-title`;

  return (
    <DetailsDialog
      titleId={titleId}
      title={`Release ${release.version} (${release.environment})`}
      closeLabel="Close release"
      onClose={onClose}
      actions={
        <Button onClick={onClose} color="primary">
          Close
        </Button>
      }
    >
      {loading && !value && <LinearProgress aria-label="Loading release" />}
      {error && (
        <Box mb={2}>
          <Alert severity="warning">
            Showing the release as listed: reloading it failed (
            {errorMessage(error)}).
          </Alert>
        </Box>
      )}
      <ReleaseHeader release={release} />
      <Box className={classes.section}>
        <Typography variant="h6" component="h3" gutterBottom>
          Security gates
        </Typography>
        <ReleaseGatesTable gates={release.gates} />
      </Box>
      <Box className={classes.section}>
        <Typography variant="h6" component="h3" gutterBottom>
          Evidence
        </Typography>
        <Box mb={1}>
          <EvidenceSummaryAlert release={release} />
        </Box>
        <EvidenceChecklistItems
          checklist={release.checklist}
          evidence={release.evidence}
        />
      </Box>
    </DetailsDialog>
  );
};
