import { SecretExposure } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { useSecretRotation } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { formatDate } from '../../utils/format';
import { localDateInput } from '../../utils/secrets/localDateInput';
import { rotationTimestamp } from '../../utils/secrets/rotationTimestamp';
import { FormDialogActions } from '../shared';

const FORM_ID = 'aspm-record-rotation';

/**
 * Records that a leaked secret was rotated: the day (today by default) and
 * an optional note. The day is checked before sending; the server's refusal
 * shows in the dialog.
 */
export const RecordRotationDialog = (props: {
  secret: SecretExposure;
  onClose: () => void;
  onRecorded: (secret: SecretExposure) => void;
}) => {
  const { secret, onClose, onRecorded } = props;
  const today = localDateInput(Date.now());
  const [day, setDay] = useState(today);
  const [note, setNote] = useState('');
  const [dayError, setDayError] = useState<string>();
  const [state, send] = useSecretRotation(secret.findingId, onRecorded);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = rotationTimestamp(day, secret.detectedAt);
    if (!result.ok) {
      setDayError(result.error);
      return;
    }
    send({
      ...(result.rotatedAt ? { rotatedAt: result.rotatedAt } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={`${FORM_ID}-title`}
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id={`${FORM_ID}-title`}>Record rotation</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" paragraph>
          <strong>{secret.title}</strong> ({secret.ruleId}), detected on{' '}
          {formatDate(secret.detectedAt)}. Record the day it was revoked and
          replaced: deleting it from the code does not rotate it, it stays in
          the history.
        </Typography>
        <form id={FORM_ID} noValidate onSubmit={submit}>
          <TextField
            id={`${FORM_ID}-day`}
            type="date"
            label="Rotated on"
            required
            value={day}
            onChange={e => {
              setDay(e.target.value);
              setDayError(undefined);
            }}
            error={Boolean(dayError)}
            helperText={dayError ?? 'Today, or the day it was rotated'}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: localDateInput(secret.detectedAt), max: today }}
            fullWidth
            margin="dense"
          />
          <TextField
            id={`${FORM_ID}-note`}
            label="Note"
            value={note}
            onChange={e => setNote(e.target.value)}
            helperText="Optional: how it was rotated, e.g. the ticket"
            multiline
            fullWidth
            margin="dense"
          />
          {state.error && (
            <Box mt={2}>
              <Alert severity="error">{errorMessage(state.error)}</Alert>
            </Box>
          )}
        </form>
      </DialogContent>
      <FormDialogActions
        formId={FORM_ID}
        busy={state.loading}
        label="Record rotation"
        busyLabel="Recording…"
        onCancel={onClose}
      />
    </Dialog>
  );
};
