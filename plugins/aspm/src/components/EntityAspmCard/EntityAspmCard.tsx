import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useAspmEntity } from '../../hooks';
import { exposureLabel, tierLabel } from '../../utils/format';
import { worstEntityStatus } from '../../utils/ownership';
import { errorMessage, isNotFoundError } from '../../utils/errors';
import { FieldList, OwnerResolutionChip, SeverityChip } from '../shared';

const ALERT_SEVERITY = {
  ok: 'success',
  warning: 'warning',
  error: 'error',
} as const;

/** Compact security posture card for an entity's overview tab. */
export const EntityAspmCard = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAspmEntity(entityRef);

  const deepLink = { title: 'View security details', link: 'security' };
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = isNotFoundError(error) ? (
      <Typography variant="body2">
        The ASPM store has not seen this entity yet; the catalog sync runs every
        few minutes.
      </Typography>
    ) : (
      <ResponseErrorPanel error={error} title={errorMessage(error)} />
    );
  } else if (value) {
    const worst = worstEntityStatus(value);
    body = (
      <>
        <Box mb={2}>
          <Alert severity={ALERT_SEVERITY[worst.severity]}>
            {worst.message}
          </Alert>
        </Box>
        <FieldList
          fields={[
            [
              'Tier',
              value.tier ? (
                tierLabel(value.tier, { long: true })
              ) : (
                <SeverityChip severity="warning" label="Untiered" />
              ),
            ],
            [
              'Exposure',
              value.exposure ? (
                exposureLabel(value.exposure)
              ) : (
                <SeverityChip severity="warning" label="Exposure unknown" />
              ),
            ],
            [
              'Owner',
              <OwnerResolutionChip
                resolution={value.ownerResolution}
                reason={value.ownerResolutionReason}
              />,
            ],
          ]}
        />
      </>
    );
  }

  return (
    <InfoCard title="Security posture" deepLink={deepLink}>
      {body}
    </InfoCard>
  );
};
