import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableFooter from '@material-ui/core/TableFooter';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  GateTrendRow,
  GateTrendTotals,
} from '../../utils/releases/gateTrendRows';

/** The numbers of the gate trend chart, one row a week, oldest first. */
export const GateTrendTable = (props: {
  rows: GateTrendRow[];
  totals: GateTrendTotals;
}) => {
  const { rows, totals } = props;
  return (
    <TableContainer>
      <Table size="small" aria-label="Gate outcomes by week">
        <TableHead>
          <TableRow>
            <TableCell>Week of</TableCell>
            <TableCell align="right">First pass</TableCell>
            <TableCell align="right">Passed after re-run</TableCell>
            <TableCell align="right">Blocked</TableCell>
            <TableCell align="right">Total</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.weekStart}>
              <TableCell component="th" scope="row">
                <time dateTime={row.weekStart}>{row.longLabel}</time>
              </TableCell>
              <TableCell align="right">{row.firstPass}</TableCell>
              <TableCell align="right">{row.passedAfterRerun}</TableCell>
              <TableCell align="right">{row.blocked}</TableCell>
              <TableCell align="right">{row.total}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell component="th" scope="row">
              Total
            </TableCell>
            <TableCell align="right">{totals.firstPass}</TableCell>
            <TableCell align="right">{totals.passedAfterRerun}</TableCell>
            <TableCell align="right">{totals.blocked}</TableCell>
            <TableCell align="right">{totals.total}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </TableContainer>
  );
};
