import { ScorecardMetric } from '@aspm/plugin-aspm-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useState } from 'react';
import {
  directionLabel,
  formatMetricTarget,
  formatMetricValue,
  metricStatusLabel,
} from '../../utils/scorecard/formatMetricValue';
import {
  metricTrendRows,
  metricsWithDataFirst,
} from '../../utils/scorecard/metricTrend';
import { MetricSparkline } from './MetricSparkline';
import { NumberLink } from './NumberLink';
import { StatusText } from './StatusText';

const STATUS = { met: 'ok', 'not-met': 'error', 'no-data': 'pending' } as const;

/**
 * 8. The metrics of the scope against target, with direction against the
 * previous window; for a team, the weekly trend and the business unit's
 * median. Each value opens the items behind it.
 */
export const MetricsCard = (props: {
  metrics: ScorecardMetric[];
  scope: string;
  /** Team scorecards: trend and business-unit median columns. */
  team?: { businessUnit?: string };
  /** Default "Metrics against target". */
  title?: string;
}) => {
  const { scope, team } = props;
  const metrics = metricsWithDataFirst(props.metrics);
  const [trendTable, setTrendTable] = useState(false);
  const weeks = metricTrendRows(metrics[0]?.trend ?? [], 'count');
  return (
    <InfoCard
      title={props.title ?? 'Metrics against target'}
      subheader={`The director metrics of this ${
        team ? 'team and its sub-teams' : 'entity'
      } over the last window, against target, and their direction against the window before. Select a value for the items behind it.`}
    >
      {team && (
        <Box display="flex" justifyContent="flex-end">
          <FormControlLabel
            control={
              <Switch
                size="small"
                color="primary"
                checked={trendTable}
                onChange={e => setTrendTable(e.target.checked)}
              />
            }
            label="Show trends as table"
          />
        </Box>
      )}
      <Table size="small" aria-label="Metrics against target">
        <TableHead>
          <TableRow>
            <TableCell>Metric</TableCell>
            <TableCell align="right">Value</TableCell>
            <TableCell>Target</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Direction</TableCell>
            {team &&
              (trendTable ? (
                weeks.map(w => (
                  <TableCell key={w.label} align="right">
                    {w.label}
                  </TableCell>
                ))
              ) : (
                <TableCell>Weekly trend</TableCell>
              ))}
            {team && <TableCell align="right">Business unit median</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {metrics.map(m => {
            const value = formatMetricValue(m.value, m.unit);
            return (
              <TableRow key={m.id} data-testid={`aspm-metric-${m.id}`}>
                <TableCell component="th" scope="row">
                  {m.title}
                </TableCell>
                <TableCell align="right">
                  {m.itemCount > 0 ? (
                    <NumberLink
                      drilldown={{
                        kind: 'metric',
                        title: m.title,
                        metricId: m.id,
                        scope,
                      }}
                      label={`${value}: ${m.title}`}
                    >
                      {value}
                    </NumberLink>
                  ) : (
                    value
                  )}
                </TableCell>
                <TableCell>{formatMetricTarget(m.target, m.unit)}</TableCell>
                <TableCell>
                  <StatusText status={STATUS[m.status]}>
                    {metricStatusLabel(m.status)}
                  </StatusText>
                </TableCell>
                <TableCell>
                  {directionLabel(m.direction)}
                  {m.previousValue !== undefined &&
                    m.previousValue !== null &&
                    ` (was ${formatMetricValue(m.previousValue, m.unit)})`}
                </TableCell>
                {team &&
                  (trendTable ? (
                    metricTrendRows(m.trend ?? [], m.unit).map((p, i) => (
                      <TableCell key={i} align="right">
                        {p.text}
                      </TableCell>
                    ))
                  ) : (
                    <TableCell>
                      <MetricSparkline metric={m} />
                    </TableCell>
                  ))}
                {team && (
                  <TableCell align="right">
                    {team.businessUnit
                      ? `${formatMetricValue(m.businessUnitMedian, m.unit)} (${
                          m.businessUnitTeams ?? 0
                        } teams)`
                      : 'No business unit'}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </InfoCard>
  );
};
