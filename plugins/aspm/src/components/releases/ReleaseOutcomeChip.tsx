import { ReleaseOutcome } from '@aspm/plugin-aspm-common';
import { releaseOutcomeDisplay } from '../../utils/releases/releaseOutcomeDisplay';
import { SeverityChip } from '../shared';

/** The gate verdict of a release candidate as a chip; the label carries the meaning. */
export const ReleaseOutcomeChip = (props: { outcome: ReleaseOutcome }) => {
  const { label, severity } = releaseOutcomeDisplay(props.outcome);
  return <SeverityChip severity={severity} label={label} />;
};
