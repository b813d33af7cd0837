import { ReleaseGate } from '@aspm/plugin-aspm-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { NO_VALUE, formatDateTime } from '../../utils/format';
import { gateOutcomeDisplay } from '../../utils/releases/gateOutcomeDisplay';
import { gateTypeLabel } from '../../utils/releases/gateTypeLabel';
import { sortGates } from '../../utils/releases/sortGates';
import { SeverityChip } from '../shared';

/** Every gate result of a release, by type then attempt (re-runs after failures). */
export const ReleaseGatesTable = (props: { gates: ReleaseGate[] }) => {
  if (props.gates.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No gate results were posted for this release.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Security gates">
      <TableHead>
        <TableRow>
          <TableCell>Gate</TableCell>
          <TableCell align="right">Attempt</TableCell>
          <TableCell>Outcome</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>When</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sortGates(props.gates).map(g => {
          const outcome = gateOutcomeDisplay(g.outcome);
          return (
            <TableRow key={`${g.type}-${g.attempt}`}>
              <TableCell>{gateTypeLabel(g.type)}</TableCell>
              <TableCell align="right">{g.attempt}</TableCell>
              <TableCell>
                <SeverityChip
                  severity={outcome.severity}
                  label={outcome.label}
                />
              </TableCell>
              <TableCell style={{ overflowWrap: 'anywhere' }}>
                {g.reason ?? NO_VALUE}
              </TableCell>
              <TableCell>
                {g.at ? (
                  <time dateTime={g.at}>{formatDateTime(g.at)}</time>
                ) : (
                  NO_VALUE
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
