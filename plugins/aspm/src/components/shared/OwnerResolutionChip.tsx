import { OwnerResolution } from '@aspm/plugin-aspm-common';
import {
  ownerResolutionLabel,
  ownerResolutionSeverity,
} from '../../utils/format';
import { SeverityChip } from './SeverityChip';

/** The owner resolution as a coloured chip: owned green, otherwise warning/error. */
export const OwnerResolutionChip = (props: {
  resolution: OwnerResolution;
  reason?: string;
}) => (
  <SeverityChip
    severity={ownerResolutionSeverity(props.resolution)}
    label={ownerResolutionLabel(props.resolution)}
    title={props.reason}
  />
);
