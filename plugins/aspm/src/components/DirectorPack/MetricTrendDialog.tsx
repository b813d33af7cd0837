import { PackMetric } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  formatPackValue,
  formatTarget,
} from '../../utils/packs/formatPackValue';
import { metricTrendChartData } from '../../utils/packs/metricTrendChartData';

const HEIGHT = 320;
const SERIES_COLORS = [
  '#7e57c2',
  '#26a69a',
  '#ef6c00',
  '#8d6e63',
  '#5c6bc0',
  '#ec407a',
];

/**
 * A metric's trend over the pack's periods: the scope's line, one thinner
 * line per business unit, and a dashed marker where the counting changed
 * (with what changed, below). "Show as table" gives the same numbers.
 */
export const MetricTrendDialog = (props: {
  metric: PackMetric;
  scopeTitle: string;
  onClose: () => void;
}) => {
  const { metric, scopeTitle, onClose } = props;
  const theme = useTheme();
  const [asTable, setAsTable] = useState(false);
  const data = useMemo(
    () => metricTrendChartData(metric, scopeTitle),
    [metric, scopeTitle],
  );
  const fmt = (v: unknown) =>
    formatPackValue(metric.unit, typeof v === 'number' ? v : null);
  const titleId = `aspm-trend-${metric.id}`;

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{metric.title}: trend</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {metric.description} Target:{' '}
          {formatTarget(metric.unit, metric.target)}.
        </Typography>
        <Box display="flex" justifyContent="flex-end">
          <FormControlLabel
            control={
              <Switch
                size="small"
                color="primary"
                checked={asTable}
                onChange={e => setAsTable(e.target.checked)}
              />
            }
            label="Show as table"
          />
        </Box>
        {asTable ? (
          <Table size="small" aria-label={`${metric.title} by period`}>
            <TableHead>
              <TableRow>
                <TableCell>Period</TableCell>
                <TableCell align="right">{scopeTitle}</TableCell>
                {data.series.map(s => (
                  <TableCell key={s.key} align="right">
                    {s.name}
                  </TableCell>
                ))}
                <TableCell>Counting change</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map(row => (
                <TableRow key={row.period}>
                  <TableCell>{row.label}</TableCell>
                  <TableCell align="right">{fmt(row.value)}</TableCell>
                  {data.series.map(s => (
                    <TableCell key={s.key} align="right">
                      {fmt(row[s.key])}
                    </TableCell>
                  ))}
                  <TableCell>
                    {data.markers.find(m => m.period === row.period)?.text ??
                      ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <figure
            role="img"
            aria-label={data.summary}
            style={{ margin: 0, height: HEIGHT }}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <LineChart
                data={data.rows}
                margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  tick={{ fill: theme.palette.text.secondary }}
                />
                <YAxis
                  tickFormatter={fmt}
                  width={90}
                  tick={{ fill: theme.palette.text.secondary }}
                />
                <Tooltip formatter={(v: unknown) => fmt(v)} />
                <Legend />
                {data.markers.map(m => (
                  <ReferenceLine
                    key={m.period}
                    x={m.label}
                    stroke={theme.palette.warning.main}
                    strokeDasharray="4 4"
                    label={{
                      value: 'counting change',
                      position: 'top',
                      fill: theme.palette.text.secondary,
                      fontSize: 11,
                    }}
                  />
                ))}
                <Line
                  type="monotone"
                  dataKey="value"
                  name={scopeTitle}
                  stroke={theme.palette.primary.main}
                  strokeWidth={3}
                  connectNulls={false}
                  isAnimationActive={false}
                />
                {data.series.map((s, i) => (
                  <Line
                    key={s.key}
                    type="monotone"
                    dataKey={s.key}
                    name={s.name}
                    stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
                    strokeWidth={1.5}
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </figure>
        )}
        {data.markers.length > 0 && (
          <Box mt={2}>
            <Typography variant="subtitle2">Counting changes</Typography>
            <ul>
              {data.markers.map(m => (
                <li key={m.period}>
                  <Typography variant="body2">
                    {m.label}: {m.text}
                  </Typography>
                </li>
              ))}
            </ul>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
