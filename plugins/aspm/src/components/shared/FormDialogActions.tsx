import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';

/**
 * Cancel and submit for a dialog holding a form: submit sends the form by
 * id and says what it is doing while busy; both wait while busy.
 */
export const FormDialogActions = (props: {
  formId: string;
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel: () => void;
}) => (
  <DialogActions>
    <Button onClick={props.onCancel} disabled={props.busy}>
      Cancel
    </Button>
    <Button
      type="submit"
      form={props.formId}
      variant="contained"
      color="primary"
      disabled={props.busy}
    >
      {props.busy ? props.busyLabel : props.label}
    </Button>
  </DialogActions>
);
