import { StrategicAsk } from '@aspm/plugin-aspm-common';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { errorMessage } from '../../utils/errors';
import { packPeriodLabel } from '../../utils/packs/packPeriodOptions';
import { FormDialogActions } from '../shared';

const FORM_ID = 'aspm-close-ask';

/** Closes a strategic ask in the pack's period, with how it was resolved. */
export const CloseAskDialog = (props: {
  ask: StrategicAsk;
  period: string;
  busy: boolean;
  error?: Error;
  onClose: () => void;
  onConfirm: (resolution: string) => void;
}) => {
  const { ask, period, busy, error, onClose, onConfirm } = props;
  const [resolution, setResolution] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onConfirm(resolution.trim());
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby={`${FORM_ID}-title`}
    >
      <DialogTitle id={`${FORM_ID}-title`}>Close “{ask.title}”</DialogTitle>
      <DialogContent>
        <form id={FORM_ID} onSubmit={submit} noValidate>
          {error && <Alert severity="error">{errorMessage(error)}</Alert>}
          <DialogContentText>
            Closed in {packPeriodLabel(period)}: it shows in this period's pack,
            and no longer in later ones.
          </DialogContentText>
          <TextField
            id={`${FORM_ID}-resolution`}
            label="Resolution"
            value={resolution}
            onChange={e => setResolution(e.target.value)}
            helperText="What was decided or delivered"
            fullWidth
            multiline
            margin="dense"
          />
        </form>
      </DialogContent>
      <FormDialogActions
        formId={FORM_ID}
        busy={busy}
        label="Close the ask"
        busyLabel="Closing…"
        onCancel={onClose}
      />
    </Dialog>
  );
};
