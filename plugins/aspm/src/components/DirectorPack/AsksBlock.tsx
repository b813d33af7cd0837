import {
  PackAsk,
  PackAsks,
  PackMetric,
  StrategicAskRequest,
  StrategicAskUpdate,
} from '@aspm/plugin-aspm-common';
import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { useState } from 'react';
import { formatDate } from '../../utils/format';
import {
  ASK_KIND_LABELS,
  askRequest,
  askUpdate,
} from '../../utils/packs/askForm';
import { formatPackValue } from '../../utils/packs/formatPackValue';
import { packPeriodLabel } from '../../utils/packs/packPeriodOptions';
import { AskDialog } from './AskDialog';
import { CloseAskDialog } from './CloseAskDialog';
import { MetricStatusText } from './MetricStatusText';

type Row = PackAsk & { key: string };

/** What an editor is doing with the asks. */
type Editing = { mode: 'raise' } | { mode: 'edit' | 'close'; ask: PackAsk };

/**
 * The strategic asks of the scope: budget, platform, hiring and ownership
 * decisions asked for, carried from period to period until closed, each
 * with the current value of the metrics it refers to. Editors raise, edit,
 * close and reopen them.
 */
export const AsksBlock = (props: {
  block: PackAsks;
  metrics: PackMetric[];
  scope: string;
  period: string;
  canEdit: boolean;
  state: { loading: boolean; error?: Error };
  onSave: (
    change:
      | { create: StrategicAskRequest }
      | { id: number; update: StrategicAskUpdate },
  ) => Promise<unknown>;
}) => {
  const { block, metrics, scope, period, canEdit, state, onSave } = props;
  const [editing, setEditing] = useState<Editing>();
  const save = async (
    change:
      | { create: StrategicAskRequest }
      | { id: number; update: StrategicAskUpdate },
  ) => {
    const result = await onSave(change);
    // useAsyncFn resolves with the error on failure: keep the dialog open.
    if (!(result instanceof Error)) setEditing(undefined);
  };
  const columns: TableColumn<Row>[] = [
    {
      title: 'Ask',
      field: 'title',
      highlight: true,
      render: a => (
        <>
          <Typography variant="body2">
            <strong>{a.title}</strong>
          </Typography>
          {a.detail && (
            <Typography variant="body2" color="textSecondary">
              {a.detail}
            </Typography>
          )}
          {a.resolution && (
            <Typography variant="body2">Resolution: {a.resolution}</Typography>
          )}
        </>
      ),
    },
    {
      title: 'Kind',
      field: 'kind',
      render: a => <Chip size="small" label={ASK_KIND_LABELS[a.kind]} />,
    },
    {
      title: 'Status',
      field: 'status',
      render: a => {
        if (a.status === 'closed')
          return `Closed in ${packPeriodLabel(a.closedIn ?? '')}`;
        return a.carried
          ? `Open since ${packPeriodLabel(a.raisedIn)}`
          : 'New this period';
      },
    },
    {
      title: 'Metrics',
      field: 'metricIds',
      sorting: false,
      render: a =>
        a.metrics.length
          ? a.metrics.map(m => (
              <Box key={m.id}>
                <Typography variant="caption">
                  {m.title}: {formatPackValue(m.unit, m.value)}
                </Typography>{' '}
                <MetricStatusText status={m.status} />
              </Box>
            ))
          : '—',
    },
    {
      title: 'Raised',
      field: 'raisedAt',
      render: a => (
        <Typography variant="caption">
          {a.raisedBy}, {formatDate(a.raisedAt)}
        </Typography>
      ),
    },
    ...(canEdit
      ? [
          {
            title: 'Actions',
            field: 'id',
            sorting: false,
            render: (a: Row) => (
              <Box display="flex" style={{ gap: 4 }} data-print="hide">
                <Button
                  size="small"
                  onClick={() => setEditing({ mode: 'edit', ask: a })}
                >
                  Edit
                </Button>
                {a.status === 'open' ? (
                  <Button
                    size="small"
                    onClick={() => setEditing({ mode: 'close', ask: a })}
                  >
                    Close
                  </Button>
                ) : (
                  <Button
                    size="small"
                    onClick={() =>
                      save({ id: a.id, update: { status: 'open' } })
                    }
                  >
                    Reopen
                  </Button>
                )}
              </Box>
            ),
          } as TableColumn<Row>,
        ]
      : []),
  ];
  return (
    <Box>
      {canEdit && (
        <Box mb={1} data-print="hide">
          <Button
            variant="outlined"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setEditing({ mode: 'raise' })}
          >
            Raise an ask
          </Button>
        </Box>
      )}
      {block.items.length ? (
        <Table<Row>
          title="Strategic asks"
          options={{
            paging: false,
            search: false,
            padding: 'dense',
            draggable: false,
          }}
          columns={columns}
          data={block.items.map(a => ({ ...a, key: String(a.id) }))}
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          {block.emptyText}
        </Typography>
      )}
      {editing?.mode === 'raise' && (
        <AskDialog
          metrics={metrics}
          busy={state.loading}
          error={state.error}
          onClose={() => setEditing(undefined)}
          onSave={values => save({ create: askRequest(values, scope, period) })}
        />
      )}
      {editing?.mode === 'edit' && (
        <AskDialog
          ask={editing.ask}
          metrics={metrics}
          busy={state.loading}
          error={state.error}
          onClose={() => setEditing(undefined)}
          onSave={values =>
            save({ id: editing.ask.id, update: askUpdate(values) })
          }
        />
      )}
      {editing?.mode === 'close' && (
        <CloseAskDialog
          ask={editing.ask}
          period={period}
          busy={state.loading}
          error={state.error}
          onClose={() => setEditing(undefined)}
          onConfirm={resolution =>
            save({
              id: editing.ask.id,
              update: {
                status: 'closed',
                closedIn: period,
                ...(resolution ? { resolution } : {}),
              },
            })
          }
        />
      )}
    </Box>
  );
};
