import {
  AspmExceptionDetails,
  ExceptionAction,
} from '@aspm/plugin-aspm-common';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useState } from 'react';
import {
  useException,
  useExceptionDecision,
  useExceptionPolicy,
  useSignedInUserRef,
} from '../../hooks';
import { decisionHint } from '../../utils/exceptions/decisionHint';
import { exceptionScopeLabel } from '../../utils/exceptions/exceptionScopeLabel';
import { exceptionStatusDisplay } from '../../utils/exceptions/exceptionStatusDisplay';
import { errorMessage } from '../../utils/errors';
import { CoveredFindingsList } from './CoveredFindingsList';
import { ExceptionAuditTrail } from './ExceptionAuditTrail';
import { ExceptionDecisionForm } from './ExceptionDecisionForm';
import { ExceptionFieldList } from './ExceptionFieldList';
import { DetailsDialog, useDetailsDialogStyles } from '../shared';

const ACTION_LABELS: Record<ExceptionAction, string> = {
  approve: 'Approve',
  reject: 'Reject',
  renew: 'Renew',
  revoke: 'Revoke',
};

/** The order of the action buttons. */
const ACTION_ORDER: ExceptionAction[] = [
  'approve',
  'renew',
  'reject',
  'revoke',
];

/**
 * One exception in a dialog: its fields, reason, covered findings and audit
 * trail, and the decisions the caller may take (as the server says in
 * `allowedActions`). `onChanged` is called after a decision.
 */
export const ExceptionDetailsDialog = (props: {
  id: number;
  onClose: () => void;
  onChanged?: () => void;
}) => {
  const { id, onClose, onChanged } = props;
  const classes = useDetailsDialogStyles();
  const { value, loading, error } = useException(id);
  const policy = useExceptionPolicy();
  const [decided, setDecided] = useState<AspmExceptionDetails>();
  const [action, setAction] = useState<ExceptionAction>();
  const [done, setDone] = useState<string>();
  // The action last sent: its error belongs to its form only.
  const [sent, setSent] = useState<ExceptionAction>();
  const onDone = useCallback(
    (result: AspmExceptionDetails) => {
      setDecided(result);
      setAction(undefined);
      setDone(
        `Exception #${result.id} is now ${exceptionStatusDisplay(
          result.status,
        ).label.toLocaleLowerCase()}.`,
      );
      onChanged?.();
    },
    [onChanged],
  );
  const [decision, decide] = useExceptionDecision(id, onDone);
  const exception = decided ?? value;
  const userRef = useSignedInUserRef();
  const hint = exception && decisionHint(exception, userRef);
  const titleId = `aspm-exception-${id}-title`;
  const actions = ACTION_ORDER.filter(a =>
    exception?.allowedActions?.includes(a),
  );

  return (
    <DetailsDialog
      titleId={titleId}
      title={`Exception #${id}`}
      subtitle={
        exception && (
          <Typography variant="body2" color="textSecondary">
            {exceptionScopeLabel(exception.scope)}
          </Typography>
        )
      }
      closeLabel="Close exception"
      onClose={onClose}
      actions={
        <>
          {!action &&
            actions.map(a => (
              <Button
                key={a}
                color={
                  a === 'approve' || a === 'renew' ? 'primary' : 'secondary'
                }
                variant="outlined"
                onClick={() => {
                  setDone(undefined);
                  setSent(undefined);
                  setAction(a);
                }}
              >
                {ACTION_LABELS[a]}
              </Button>
            ))}
          <Button onClick={onClose} color="primary">
            Close
          </Button>
        </>
      }
    >
      {loading && !exception && <Progress />}
      {error && !exception && (
        <ResponseErrorPanel error={error} title={errorMessage(error)} />
      )}
      {exception && (
        <>
          {done && (
            <Box mb={2}>
              <Alert severity="success">{done}</Alert>
            </Box>
          )}
          {hint && !done && (
            <Box mb={2}>
              <Alert severity="info">{hint}</Alert>
            </Box>
          )}
          <ExceptionFieldList
            exception={exception}
            expiringSoonDays={policy.value?.expiringSoonDays ?? 30}
          />
          <Box className={classes.section}>
            <Typography variant="h6" component="h3" gutterBottom>
              Reason
            </Typography>
            <p className={classes.text}>{exception.reason}</p>
          </Box>
          <Box className={classes.section}>
            <Typography variant="h6" component="h3" gutterBottom>
              Covered findings
            </Typography>
            <CoveredFindingsList findings={exception.findings ?? []} />
          </Box>
          <Box className={classes.section}>
            <Typography variant="h6" component="h3" gutterBottom>
              Audit trail
            </Typography>
            <ExceptionAuditTrail events={exception.events ?? []} />
          </Box>
          {action && (
            <ExceptionDecisionForm
              key={action}
              action={action}
              exception={exception}
              policy={policy.value}
              pending={decision.loading}
              error={sent === action ? decision.error : undefined}
              onSubmit={body => {
                setSent(action);
                decide(action, body);
              }}
              onCancel={() => setAction(undefined)}
            />
          )}
        </>
      )}
    </DetailsDialog>
  );
};
