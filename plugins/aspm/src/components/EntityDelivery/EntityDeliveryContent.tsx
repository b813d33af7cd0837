import Grid from '@material-ui/core/Grid';
import { ReleaseEvidenceCard } from './ReleaseEvidenceCard';
import { SecretRotationCard } from './SecretRotationCard';
import { SecurityGatesCard } from './SecurityGatesCard';

/**
 * Delivery trust of an entity on its Security tab: the security gates of
 * its release candidates, the evidence of its latest production release,
 * and its leaked secrets against their rotation deadline.
 */
export const EntityDeliveryContent = (props: { entityRef: string }) => {
  const { entityRef } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SecurityGatesCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <ReleaseEvidenceCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <SecretRotationCard entityRef={entityRef} />
      </Grid>
    </Grid>
  );
};
