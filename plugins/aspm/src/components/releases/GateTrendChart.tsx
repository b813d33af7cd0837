import { GateTrend } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { useTheme } from '@material-ui/core/styles';
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  GateTrendRow,
  gateTrendRows,
  gateTrendSummary,
} from '../../utils/releases/gateTrendRows';
import { BlockedByChips } from './BlockedByChips';
import { GateTrendTable } from './GateTrendTable';

const HEIGHT = 260;

/**
 * Gate outcomes of release candidates per week, stacked: passed first time
 * (green), passed after a re-run (amber), blocked (red). The chart is an
 * image with a summary for screen readers; "Show as table" gives the same
 * numbers as a table. Release blocks by root cause follow.
 */
export const GateTrendChart = (props: { trend: GateTrend }) => {
  const { trend } = props;
  const theme = useTheme();
  const [asTable, setAsTable] = useState(false);
  const { rows, totals } = gateTrendRows(trend.weeks);
  const summary = gateTrendSummary(totals, rows.length);

  return (
    <div>
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
        <GateTrendTable rows={rows} totals={totals} />
      ) : (
        <figure
          role="img"
          aria-label={summary}
          style={{ margin: 0, width: '100%', height: HEIGHT }}
        >
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <BarChart
              data={rows}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="label"
                tick={{ fill: theme.palette.text.secondary }}
                interval="preserveStartEnd"
              />
              <YAxis
                allowDecimals={false}
                tick={{ fill: theme.palette.text.secondary }}
              />
              <Tooltip
                cursor={{ fill: theme.palette.action.hover }}
                labelFormatter={(label, payload) => {
                  const row = payload?.[0]?.payload as GateTrendRow | undefined;
                  return `Week of ${row?.longLabel ?? label}`;
                }}
              />
              <Legend />
              <Bar
                dataKey="firstPass"
                name="Passed first time"
                stackId="outcome"
                fill={theme.palette.success.main}
                isAnimationActive={false}
              />
              <Bar
                dataKey="passedAfterRerun"
                name="Passed after re-run"
                stackId="outcome"
                fill={theme.palette.warning.main}
                isAnimationActive={false}
              />
              <Bar
                dataKey="blocked"
                name="Blocked"
                stackId="outcome"
                fill={theme.palette.error.main}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
      <BlockedByChips blockedBy={trend.blockedBy} />
    </div>
  );
};
