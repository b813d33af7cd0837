import { ScorecardAging } from '@aspm/plugin-aspm-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { useState } from 'react';
import {
  Bar,
  BarChart,
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
  agingBucketRows,
  agingBucketsSummary,
  agingTrendRows,
  agingTrendSummary,
} from '../../utils/scorecard/agingChartRows';
import { slaLineBucket, slaText } from '../../utils/scorecard/slaText';
import { AgingTables } from './AgingTables';
import { NumberLink } from './NumberLink';

const HEIGHT = 240;

/**
 * 6. Critical / high finding aging: the open ones by age bucket with the
 * SLA line, how many are past their SLA, and the weekly open count; each
 * number opens the findings behind it. Both charts have a text
 * alternative and a table view.
 */
export const AgingCard = (props: { aging: ScorecardAging }) => {
  const { aging } = props;
  const theme = useTheme();
  const [asTable, setAsTable] = useState(false);
  const buckets = agingBucketRows(aging.buckets);
  const trend = agingTrendRows(aging.trend);
  const slaBucket = slaLineBucket(aging);
  const link = (ids: number[], title: string) => (
    <NumberLink drilldown={{ kind: 'findings', title, ids }}>
      {ids.length}
    </NumberLink>
  );
  return (
    <InfoCard
      title="Critical and high finding aging"
      subheader={`Open critical and high findings by age since first seen, against the remediation SLA (${slaText(
        aging.slaDays,
      )}), and their number at the end of each week.`}
    >
      <Typography variant="body2" data-testid="aspm-aging-summary">
        Open: {link(aging.open.critical, 'Open critical findings')} critical,{' '}
        {link(aging.open.high, 'Open high findings')} high. Past their SLA:{' '}
        {link(aging.pastSla.critical, 'Critical findings past their SLA')}{' '}
        critical, {link(aging.pastSla.high, 'High findings past their SLA')}{' '}
        high.
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
          label="Show aging as table"
        />
      </Box>
      {asTable ? (
        <AgingTables buckets={buckets} trend={trend} />
      ) : (
        <Grid container spacing={2}>
          <Grid item xs={12} md={6}>
            <figure
              role="img"
              aria-label={agingBucketsSummary(buckets)}
              style={{ margin: 0, width: '100%', height: HEIGHT }}
            >
              <ResponsiveContainer width="100%" height={HEIGHT}>
                <BarChart data={buckets} margin={{ top: 16, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip cursor={{ fill: theme.palette.action.hover }} />
                  <Legend />
                  <Bar
                    dataKey="critical"
                    name="Critical"
                    stackId="severity"
                    fill={theme.palette.error.dark}
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="high"
                    name="High"
                    stackId="severity"
                    fill={theme.palette.error.light}
                    isAnimationActive={false}
                  />
                  {slaBucket && (
                    <ReferenceLine
                      x={slaBucket.label}
                      stroke={theme.palette.text.primary}
                      strokeDasharray="4 4"
                      label={{
                        value: slaBucket.text,
                        position: 'top',
                        fill: theme.palette.text.primary,
                      }}
                    />
                  )}
                </BarChart>
              </ResponsiveContainer>
            </figure>
          </Grid>
          <Grid item xs={12} md={6}>
            <figure
              role="img"
              aria-label={agingTrendSummary(trend)}
              style={{ margin: 0, width: '100%', height: HEIGHT }}
            >
              <ResponsiveContainer width="100%" height={HEIGHT}>
                <LineChart data={trend} margin={{ top: 16, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" interval="preserveStartEnd" />
                  <YAxis allowDecimals={false} />
                  <Tooltip
                    labelFormatter={(label, payload) =>
                      (payload?.[0]?.payload as { longLabel?: string })
                        ?.longLabel ?? label
                    }
                  />
                  <Legend />
                  <Line
                    dataKey="critical"
                    name="Critical open"
                    stroke={theme.palette.error.dark}
                    isAnimationActive={false}
                  />
                  <Line
                    dataKey="high"
                    name="High open"
                    stroke={theme.palette.warning.main}
                    isAnimationActive={false}
                  />
                  <Line
                    dataKey="pastSla"
                    name="Past SLA"
                    stroke={theme.palette.text.primary}
                    strokeDasharray="4 4"
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </figure>
          </Grid>
        </Grid>
      )}
    </InfoCard>
  );
};
