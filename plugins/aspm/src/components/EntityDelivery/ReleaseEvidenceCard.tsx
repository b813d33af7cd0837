import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { useReleases } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { EvidenceChecklist } from '../releases';

/** The environment whose latest release the checklist shows. */
export const EVIDENCE_ENVIRONMENT = 'production';

/** The evidence checklist of the entity's latest production release. */
export const ReleaseEvidenceCard = (props: { entityRef: string }) => {
  const { entityRef } = props;
  const request = useMemo(
    () => ({
      entityRef: [entityRef],
      environment: [EVIDENCE_ENVIRONMENT],
      limit: 1,
    }),
    [entityRef],
  );
  const { value, loading, error } = useReleases(request);
  const latest = value?.items[0];

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else if (!latest) {
    body = (
      <Box py={2} data-testid="aspm-evidence-empty">
        <Typography variant="subtitle1" component="p" gutterBottom>
          No production release posted for this entity yet.
        </Typography>
        <Typography variant="body2" color="textSecondary">
          The checklist shows the evidence (SBOM, provenance, signature, scan
          results, gate decision, approver) of the latest release posted with{' '}
          <code>"environment": "production"</code>.
        </Typography>
      </Box>
    );
  } else {
    body = <EvidenceChecklist release={latest} />;
  }

  return (
    <InfoCard
      title="Release evidence"
      subheader="The evidence of the latest production release, as checked when CI posted it."
    >
      {body}
    </InfoCard>
  );
};
