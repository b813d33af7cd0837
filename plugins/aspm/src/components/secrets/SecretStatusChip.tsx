import { SecretRotationStatus } from '@aspm/plugin-aspm-common';
import { secretStatusDisplay } from '../../utils/secrets/secretStatusDisplay';
import { SeverityChip } from '../shared';

/** The rotation status of a leaked secret as a chip. */
export const SecretStatusChip = (props: { status: SecretRotationStatus }) => {
  const { label, severity } = secretStatusDisplay(props.status);
  return <SeverityChip severity={severity} label={label} />;
};
