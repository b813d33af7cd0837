import {
  AspmExceptionDetails,
  ExceptionAction,
  ExceptionPolicy,
} from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { makeStyles } from '@material-ui/core/styles';
import { FormEvent, useState } from 'react';
import { ExceptionDecisionBody } from '../../api';
import { decisionLimits } from '../../utils/exceptions/decisionLimits';
import { initialDecisionValues } from '../../utils/exceptions/initialDecisionValues';
import { splitServerMessage } from '../../utils/exceptions/splitServerMessage';
import {
  DecisionField,
  DecisionFormValues,
  validateDecision,
} from '../../utils/exceptions/validateDecision';
import { errorMessage } from '../../utils/errors';

const useStyles = makeStyles(theme => ({
  form: { marginTop: theme.spacing(3) },
}));

const TITLES: Record<ExceptionAction, string> = {
  approve: 'Approve exception',
  renew: 'Renew exception',
  reject: 'Reject exception',
  revoke: 'Revoke exception',
};

const NOTE_HELP: Record<ExceptionAction, string> = {
  approve: 'Optional: conditions of the approval.',
  renew: 'Optional: why it is renewed.',
  reject: 'Required: why the risk is not accepted.',
  revoke: 'Required: why it ends now.',
};

/**
 * The form of one decision: approve and renew choose an expiry within the
 * tier's maximum and a review date; reject and revoke need a note. Fields
 * are checked before sending; the server's error shows above the buttons
 * (and under the field it names).
 */
export const ExceptionDecisionForm = (props: {
  action: ExceptionAction;
  exception: AspmExceptionDetails;
  policy?: ExceptionPolicy;
  pending: boolean;
  error?: Error;
  onSubmit: (body: ExceptionDecisionBody) => void;
  onCancel: () => void;
}) => {
  const { action, exception, policy, pending, error } = props;
  const classes = useStyles();
  const limits = decisionLimits(policy, exception.tier);
  const [values, setValues] = useState<DecisionFormValues>(() =>
    initialDecisionValues(action, exception, limits.latest),
  );
  const [errors, setErrors] = useState<Partial<Record<DecisionField, string>>>(
    {},
  );
  const needsExpiry = action === 'approve' || action === 'renew';
  const serverMessage = error ? errorMessage(error) : undefined;
  const server = serverMessage ? splitServerMessage(serverMessage) : undefined;
  const errorOf = (field: DecisionField) =>
    errors[field] ?? (server?.path[0] === field ? server.text : undefined);

  const change =
    (field: DecisionField) => (e: { target: { value: string } }) => {
      setValues(v => ({ ...v, [field]: e.target.value }));
      setErrors(({ [field]: _, ...rest }) => rest);
    };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validateDecision(action, values, limits);
    if (result.ok) props.onSubmit(result.body);
    else setErrors(result.errors);
  };

  const titleId = `aspm-exception-${exception.id}-${action}`;
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby={titleId}
      className={classes.form}
    >
      <Typography id={titleId} variant="h6" component="h3" gutterBottom>
        {TITLES[action]}
      </Typography>
      {needsExpiry && (
        <>
          <TextField
            id={`${titleId}-expires`}
            label="Expiry date"
            type="date"
            required
            fullWidth
            margin="dense"
            value={values.expiresAt}
            onChange={change('expiresAt')}
            error={Boolean(errorOf('expiresAt'))}
            helperText={errorOf('expiresAt') ?? limits.hint}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: limits.today, max: limits.latest }}
          />
          <TextField
            id={`${titleId}-review`}
            label="Review date"
            type="date"
            fullWidth
            margin="dense"
            value={values.reviewAt}
            onChange={change('reviewAt')}
            error={Boolean(errorOf('reviewAt'))}
            helperText={
              errorOf('reviewAt') ??
              'Optional: when to check the exception again, before it expires.'
            }
            InputLabelProps={{ shrink: true }}
            inputProps={{
              min: limits.today,
              max: values.expiresAt || limits.latest,
            }}
          />
        </>
      )}
      <TextField
        id={`${titleId}-note`}
        label="Note"
        required={!needsExpiry}
        fullWidth
        multiline
        minRows={2}
        margin="dense"
        value={values.note}
        onChange={change('note')}
        error={Boolean(errorOf('note'))}
        helperText={errorOf('note') ?? NOTE_HELP[action]}
      />
      {serverMessage && (
        <Box mt={2}>
          <Alert severity="error">{serverMessage}</Alert>
        </Box>
      )}
      <Box mt={2} display="flex" style={{ gap: 8 }}>
        <Button
          type="submit"
          variant="contained"
          color={
            action === 'approve' || action === 'renew' ? 'primary' : 'secondary'
          }
          disabled={pending}
        >
          {pending ? 'Sending…' : TITLES[action]}
        </Button>
        <Button onClick={props.onCancel} disabled={pending}>
          Cancel
        </Button>
      </Box>
    </form>
  );
};
