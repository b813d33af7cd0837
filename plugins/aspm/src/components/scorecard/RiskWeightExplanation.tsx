import { ScorecardCriticality, SEVERITIES } from '@aspm/plugin-aspm-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { severityLabel } from '../../utils/findings';
import { exposureLabel, tierLabel } from '../../utils/format';

const n = (v: number) =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(v);

/**
 * What the tier and exposure imply: the multiplier every finding's weight
 * gets here, and what each severity then weighs (without exploitation
 * signals; known exploited or a high EPSS weighs more).
 */
export const RiskWeightExplanation = (props: {
  criticality: ScorecardCriticality;
}) => {
  const c = props.criticality;
  const severities = SEVERITIES.filter(s => (c.severityWeights[s] ?? 0) > 0);
  return (
    <>
      <Typography variant="body2" data-testid="aspm-risk-multiplier">
        Risk weight of its findings: severity × exploitability ×{' '}
        {n(c.tierWeight)} ({tierLabel(c.tier)}) × {n(c.exposureWeight)} (
        {exposureLabel(c.exposure)}) = severity × exploitability ×{' '}
        <strong>{n(c.multiplier)}</strong>. An open critical without
        exploitation signals weighs <strong>{n(c.criticalWeight)}</strong>{' '}
        points here.
      </Typography>
      <Table
        size="small"
        aria-label="Weight of an open finding here, by severity"
      >
        <TableHead>
          <TableRow>
            {severities.map(s => (
              <TableCell key={s} align="right">
                {severityLabel(s)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            {severities.map(s => (
              <TableCell key={s} align="right">
                {n(c.severityWeights[s] * c.multiplier)}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
};
