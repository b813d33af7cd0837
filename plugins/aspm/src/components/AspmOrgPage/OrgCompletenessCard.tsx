import { OWNER_RESOLUTIONS, OwnershipReport } from '@aspm/plugin-aspm-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  formatCount,
  formatPercent,
  nounForKinds,
  ownerResolutionLabel,
  ownerResolutionSeverity,
} from '../../utils/format';
import { SeverityChip } from '../shared';

/** The org-wide ownership completeness as a big number. */
export const OrgCompletenessCard = (props: { report: OwnershipReport }) => {
  const { org, byResolution, kinds } = props.report;
  const noun = nounForKinds(kinds);
  return (
    <InfoCard title="Ownership completeness" subheader="Whole organisation">
      <Typography variant="h2" component="p" data-testid="aspm-org-percent">
        {formatPercent(org.ratio)}
      </Typography>
      <Typography variant="subtitle1" component="p">
        {formatCount(org.numerator, org.denominator, noun)} owned
      </Typography>
      <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {OWNER_RESOLUTIONS.filter(r => (byResolution?.[r] ?? 0) > 0).map(r => (
          <SeverityChip
            key={r}
            severity={ownerResolutionSeverity(r)}
            label={`${ownerResolutionLabel(r)}: ${byResolution[r]}`}
          />
        ))}
      </Box>
    </InfoCard>
  );
};
