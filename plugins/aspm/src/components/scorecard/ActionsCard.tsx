import {
  ScorecardActions,
  SecurityAction,
  SecurityActionKind,
} from '@aspm/plugin-aspm-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  actionDueText,
  actionKindLabel,
} from '../../utils/scorecard/actionDisplay';
import { EntityLink, SeverityChip } from '../shared';
import { useDrilldown } from './DrilldownContext';

/** What an action is about, opening it: a finding, exception, release, entity. */
const Target = (props: { action: SecurityAction }) => {
  const open = useDrilldown();
  const { action } = props;
  const { kind, id } = action.target;
  if (kind === 'entity') {
    return <EntityLink entityRef={id}>{action.title}</EntityLink>;
  }
  return (
    <Link
      component="button"
      variant="body2"
      align="left"
      onClick={() => open({ kind, id: Number(id) })}
    >
      {action.title}
    </Link>
  );
};

/**
 * 9. The next days' actions, derived from the state now (never typed in):
 * findings whose SLA deadline falls in the period or has passed,
 * exceptions expiring or due for review, secrets past rotation, evidence
 * missing on the last production release, missing controls. Each says what
 * to do and opens what it is about.
 */
export const ActionsCard = (props: {
  actions: ScorecardActions;
  showEntity?: boolean;
}) => {
  const { items, counts, withinDays } = props.actions;
  const overdue = items.filter(a => a.overdue).length;
  return (
    <InfoCard
      title={`Next ${withinDays} days`}
      subheader={`${items.length} ${
        items.length === 1 ? 'action' : 'actions'
      }, ${overdue} overdue; overdue first, then by deadline.`}
    >
      {items.length === 0 ? (
        <Typography variant="body2" data-testid="aspm-actions-empty">
          Nothing due in the next {withinDays} days: no finding near its SLA
          deadline, no exception expiring or due for review, no secret awaiting
          rotation, no missing control.
        </Typography>
      ) : (
        <>
          <Box display="flex" flexWrap="wrap" gridGap={8} mb={1}>
            {(Object.keys(counts) as SecurityActionKind[]).map(kind => (
              <SeverityChip
                key={kind}
                severity="neutral"
                label={`${actionKindLabel(kind)}: ${counts[kind]}`}
              />
            ))}
          </Box>
          <Table
            size="small"
            aria-label={`Actions for the next ${withinDays} days`}
          >
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell>About</TableCell>
                {props.showEntity && <TableCell>Service</TableCell>}
                <TableCell>What to do</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((a, i) => (
                <TableRow key={`${a.kind}-${a.target.id}-${a.control ?? i}`}>
                  <TableCell>
                    {a.overdue ? (
                      <SeverityChip severity="error" label={actionDueText(a)} />
                    ) : (
                      actionDueText(a)
                    )}
                  </TableCell>
                  <TableCell>{actionKindLabel(a.kind)}</TableCell>
                  <TableCell>
                    <Target action={a} />
                  </TableCell>
                  {props.showEntity && (
                    <TableCell>
                      <EntityLink entityRef={a.entityRef} />
                    </TableCell>
                  )}
                  <TableCell>{a.action}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </InfoCard>
  );
};
