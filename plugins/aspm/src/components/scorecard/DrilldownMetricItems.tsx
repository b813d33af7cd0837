import { MetricItem } from '@aspm/plugin-aspm-common';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useMetricDetail } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { formatMetricValue } from '../../utils/scorecard/formatMetricValue';
import { EntityLink } from '../shared';
import { useDrilldown } from './DrilldownContext';

/**
 * The items behind a metric of a scope (GET /metrics/:id), each opening
 * what it is: a finding, an exception, a release or an entity page.
 */
export const DrilldownMetricItems = (props: {
  metricId: string;
  scope: string;
}) => {
  const open = useDrilldown();
  const { value, loading, error } = useMetricDetail(
    props.metricId,
    props.scope,
  );
  if (loading) return <Progress />;
  if (error) {
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  }
  if (!value) return null;
  const { metric } = value;
  const itemLabel = (item: MetricItem) => {
    if (item.kind === 'entity') {
      return <EntityLink entityRef={item.entityRef}>{item.label}</EntityLink>;
    }
    const id = Number(item.id);
    return (
      <Link
        component="button"
        variant="body2"
        align="left"
        onClick={() =>
          open({ kind: item.kind as 'finding' | 'exception' | 'release', id })
        }
      >
        {item.label}
      </Link>
    );
  };
  const columns: TableColumn<MetricItem>[] = [
    { title: 'Item', field: 'label', render: itemLabel },
    {
      title: 'Entity',
      field: 'entityRef',
      render: item => <EntityLink entityRef={item.entityRef} />,
    },
    {
      title: 'Counted',
      field: 'inNumerator',
      render: item => {
        if (item.inNumerator === undefined) return '';
        return item.inNumerator ? 'In the numerator' : 'Not in the numerator';
      },
    },
    { title: 'Value', field: 'value', type: 'numeric' },
    { title: 'Why', field: 'note' },
  ];
  return (
    <>
      <Typography variant="body2" gutterBottom>
        {metric.title}: {formatMetricValue(metric.value, metric.unit)}
        {metric.numerator !== undefined && metric.denominator !== undefined
          ? ` (${metric.numerator} of ${metric.denominator})`
          : ''}
        . {value.itemsTotal} {value.itemsTotal === 1 ? 'item' : 'items'} behind
        it.
      </Typography>
      <Table<MetricItem>
        title={`Items behind ${metric.title}`}
        columns={columns}
        data={value.items.map(i => ({ ...i }))}
        options={{
          paging: value.items.length > 10,
          pageSize: 10,
          search: true,
        }}
      />
    </>
  );
};
