import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  AgingBucketRow,
  AgingTrendRow,
} from '../../utils/scorecard/agingChartRows';
import { NumberLink } from './NumberLink';

/** The aging charts' numbers as tables; each bucket count opens its findings. */
export const AgingTables = (props: {
  buckets: AgingBucketRow[];
  trend: AgingTrendRow[];
}) => (
  <>
    <Typography variant="subtitle2" component="h3">
      By age
    </Typography>
    <Table size="small" aria-label="Open critical and high findings by age">
      <TableHead>
        <TableRow>
          <TableCell>Age since first seen</TableCell>
          <TableCell align="right">Critical</TableCell>
          <TableCell align="right">High</TableCell>
          <TableCell align="right">Past SLA</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.buckets.map(({ label, bucket }) => (
          <TableRow key={label}>
            <TableCell component="th" scope="row">
              {label}
            </TableCell>
            {(
              [
                ['critical', 'Critical'],
                ['high', 'High'],
                ['pastSla', 'Past their SLA'],
              ] as const
            ).map(([key, title]) => (
              <TableCell key={key} align="right">
                <NumberLink
                  drilldown={{
                    kind: 'findings',
                    title: `${title}, ${label} old`,
                    ids: bucket[key],
                  }}
                >
                  {bucket[key].length}
                </NumberLink>
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
    <Typography variant="subtitle2" component="h3" style={{ marginTop: 16 }}>
      Per week
    </Typography>
    <Table size="small" aria-label="Open critical and high findings per week">
      <TableHead>
        <TableRow>
          <TableCell>Week</TableCell>
          <TableCell align="right">Critical open</TableCell>
          <TableCell align="right">High open</TableCell>
          <TableCell align="right">Past SLA</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.trend.map(r => (
          <TableRow key={r.longLabel}>
            <TableCell component="th" scope="row">
              {r.longLabel}
            </TableCell>
            <TableCell align="right">{r.critical}</TableCell>
            <TableCell align="right">{r.high}</TableCell>
            <TableCell align="right">{r.pastSla}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </>
);
