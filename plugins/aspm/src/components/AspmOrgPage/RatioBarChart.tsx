import { InfoCard } from '@backstage/core-components';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartDatum, chartAriaLabel } from '../../utils/ownership';

/** Horizontal bars of ownership completeness per segment. */
export const RatioBarChart = (props: { title: string; data: ChartDatum[] }) => {
  const theme = useTheme();
  const { title, data } = props;
  const height = Math.max(160, 48 * data.length + 40);
  return (
    <InfoCard title={title}>
      <figure
        role="img"
        aria-label={chartAriaLabel(title, data)}
        style={{ margin: 0, width: '100%', height }}
      >
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, 100]}
              unit="%"
              tick={{ fill: theme.palette.text.secondary }}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={180}
              tick={{ fill: theme.palette.text.secondary }}
            />
            <Tooltip
              formatter={(value: number) => [`${value}%`, 'Owned']}
              cursor={{ fill: theme.palette.action.hover }}
            />
            <Bar
              dataKey="percent"
              fill={theme.palette.primary.main}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </InfoCard>
  );
};
