import { ScorecardMetric } from '@aspm/plugin-aspm-common';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, Tooltip } from 'recharts';
import {
  metricTrendRows,
  metricTrendSummary,
} from '../../utils/scorecard/metricTrend';

/** A metric's weekly trend as a small line, described for screen readers. */
export const MetricSparkline = (props: { metric: ScorecardMetric }) => {
  const theme = useTheme();
  const { metric } = props;
  const rows = metricTrendRows(metric.trend ?? [], metric.unit);
  return (
    <figure
      role="img"
      aria-label={metricTrendSummary(metric.title, rows)}
      style={{ margin: 0, width: 140, height: 36 }}
    >
      <LineChart width={140} height={36} data={rows}>
        <Tooltip
          formatter={(_v, _n, item) =>
            (item?.payload as { text?: string })?.text
          }
        />
        <Line
          dataKey="value"
          dot={false}
          stroke={theme.palette.primary.main}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </figure>
  );
};
