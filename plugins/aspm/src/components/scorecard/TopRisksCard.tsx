import { ScorecardFinding } from '@aspm/plugin-aspm-common';
import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { formatDays } from '../../utils/findings';
import { Drilldown } from '../../utils/scorecard/drilldown';
import { EntityLink, FindingSeverityChip } from '../shared';
import { NumberLink } from './NumberLink';
import { SlaDeadline } from './SlaDeadline';
import { useDrilldown } from './DrilldownContext';

type Row = ScorecardFinding & { rank: number };

/**
 * 3. Current top risks: the open findings ranked by risk weight (severity
 * x exploitability x criticality x exposure), with age, SLA deadline and
 * tool; each opens its details, the total opens them all.
 */
export const TopRisksCard = (props: {
  topRisks: { items: ScorecardFinding[]; total: number };
  /** The list behind the total. */
  all: Drilldown;
  showEntity?: boolean;
  children?: ReactNode;
}) => {
  const open = useDrilldown();
  const { items, total } = props.topRisks;
  const columns: TableColumn<Row>[] = [
    { title: '#', field: 'rank', width: '1%' },
    {
      title: 'Severity',
      field: 'severity',
      render: r => <FindingSeverityChip severity={r.severity} />,
    },
    {
      title: 'Finding',
      field: 'title',
      render: r => (
        <>
          <Link
            component="button"
            variant="body2"
            align="left"
            onClick={() => open({ kind: 'finding', id: r.id })}
          >
            {r.title}
          </Link>
          <Typography variant="caption" component="div" color="textSecondary">
            {r.knownExploited ? 'Known exploited · ' : ''}
            {r.epss !== undefined ? `EPSS ${r.epss} · ` : ''}
            {r.ruleId}
          </Typography>
        </>
      ),
    },
    ...(props.showEntity
      ? [
          {
            title: 'Service',
            field: 'entityRef',
            render: (r: Row) => <EntityLink entityRef={r.entityRef} />,
          },
        ]
      : []),
    { title: 'Risk weight', field: 'weight', type: 'numeric' },
    {
      title: 'Age',
      field: 'ageDays',
      render: r => `${formatDays(r.ageDays)} days`,
    },
    {
      title: 'SLA deadline',
      field: 'dueAt',
      render: r => <SlaDeadline finding={r} />,
    },
    { title: 'Tool', field: 'tool' },
  ];
  return (
    <InfoCard
      title="Current top risks"
      subheader={
        <>
          <NumberLink drilldown={props.all}>{total}</NumberLink> open{' '}
          {total === 1 ? 'finding' : 'findings'}, ranked by risk weight
          (severity × exploitability × tier × exposure); equal weights by the
          earlier SLA deadline.
        </>
      }
    >
      {items.length === 0 ? (
        <Typography variant="body2" data-testid="aspm-top-risks-empty">
          No open findings. Push scans from CI (POST /api/aspm/ingest) to see
          the risks of this scope here.
        </Typography>
      ) : (
        <Table<Row>
          title={`Top ${items.length} of ${total}`}
          columns={columns}
          data={items.map((f, i) => ({ ...f, rank: i + 1 }))}
          options={{ paging: false, search: false, padding: 'dense' }}
        />
      )}
      {props.children}
    </InfoCard>
  );
};
