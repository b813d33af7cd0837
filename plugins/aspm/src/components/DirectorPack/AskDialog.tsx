import {
  DIRECTOR_METRIC_IDS,
  DirectorMetricId,
  PackMetric,
  StrategicAsk,
  StrategicAskKind,
} from '@aspm/plugin-aspm-common';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { errorMessage } from '../../utils/errors';
import {
  ASK_KINDS,
  ASK_KIND_LABELS,
  AskFormValues,
  askFormValues,
  validateAskForm,
} from '../../utils/packs/askForm';
import { FormDialogActions, MultiSelect } from '../shared';

const FORM_ID = 'aspm-strategic-ask';

/** Raises or edits a strategic ask: its kind, title, detail and the metrics it refers to. */
export const AskDialog = (props: {
  ask?: StrategicAsk;
  metrics: PackMetric[];
  busy: boolean;
  error?: Error;
  onSave: (values: AskFormValues) => void;
  onClose: () => void;
}) => {
  const { ask, metrics, busy, error, onSave, onClose } = props;
  const [values, setValues] = useState<AskFormValues>(() => askFormValues(ask));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const titles = new Map(metrics.map(m => [String(m.id), m.title]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateAskForm(values);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onSave(values);
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby={`${FORM_ID}-heading`}
    >
      <DialogTitle id={`${FORM_ID}-heading`}>
        {ask ? 'Edit the strategic ask' : 'Raise a strategic ask'}
      </DialogTitle>
      <DialogContent>
        <form id={FORM_ID} onSubmit={submit} noValidate>
          {error && <Alert severity="error">{errorMessage(error)}</Alert>}
          <TextField
            id={`${FORM_ID}-kind`}
            select
            label="Kind"
            value={values.kind}
            onChange={e =>
              setValues(v => ({
                ...v,
                kind: e.target.value as StrategicAskKind,
              }))
            }
            fullWidth
            margin="dense"
          >
            {ASK_KINDS.map(k => (
              <MenuItem key={k} value={k}>
                {ASK_KIND_LABELS[k]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id={`${FORM_ID}-title`}
            label="Title"
            value={values.title}
            onChange={e => setValues(v => ({ ...v, title: e.target.value }))}
            error={Boolean(errors.title)}
            helperText={
              errors.title ??
              'e.g. Make dependency scanning a paved-road default'
            }
            fullWidth
            required
            margin="dense"
          />
          <TextField
            id={`${FORM_ID}-detail`}
            label="Detail"
            value={values.detail}
            onChange={e => setValues(v => ({ ...v, detail: e.target.value }))}
            error={Boolean(errors.detail)}
            helperText={
              errors.detail ?? 'What is asked, of whom, by when, at what cost'
            }
            fullWidth
            multiline
            minRows={3}
            margin="dense"
          />
          <MultiSelect<DirectorMetricId>
            id={`${FORM_ID}-metrics`}
            label="Metrics it refers to"
            options={DIRECTOR_METRIC_IDS}
            value={values.metricIds as DirectorMetricId[]}
            labelOf={id => titles.get(id) ?? id}
            onChange={ids => setValues(v => ({ ...v, metricIds: ids }))}
          />
        </form>
      </DialogContent>
      <FormDialogActions
        formId={FORM_ID}
        busy={busy}
        label={ask ? 'Save' : 'Raise'}
        busyLabel="Saving…"
        onCancel={onClose}
      />
    </Dialog>
  );
};
