import { PackNarrative, PackNarrativeRequest } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { errorMessage } from '../../utils/errors';
import {
  NarrativeFormItem,
  NarrativeFormValues,
  draftFormValues,
  narrativeFormValues,
  narrativeRequest,
  validateNarrativeForm,
} from '../../utils/packs/narrativeForm';
import { FormDialogActions } from '../shared';

const FORM_ID = 'aspm-pack-narrative';

/**
 * Edits the executive summary of one pack (scope, period, audience): the
 * headline and each pair of what changed, why and the decision needed.
 * Saved with the period and its author; the generated draft is one click
 * away.
 */
export const NarrativeEditDialog = (props: {
  narrative: PackNarrative;
  busy: boolean;
  error?: Error;
  onSave: (body: PackNarrativeRequest) => void;
  onClose: () => void;
}) => {
  const { narrative, busy, error, onSave, onClose } = props;
  const [values, setValues] = useState<NarrativeFormValues>(() =>
    narrativeFormValues(narrative),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setItem = (i: number, change: Partial<NarrativeFormItem>) =>
    setValues(v => ({
      ...v,
      items: v.items.map((item, j) =>
        j === i ? { ...item, ...change } : item,
      ),
    }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateNarrativeForm(values);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onSave(narrativeRequest(values));
  };
  const field = (
    i: number,
    name: 'whatChanged' | 'why' | 'decision',
    label: string,
  ) => (
    <TextField
      id={`${FORM_ID}-${i}-${name}`}
      label={label}
      value={values.items[i][name]}
      onChange={e => setItem(i, { [name]: e.target.value })}
      error={Boolean(errors[`items.${i}.${name}`])}
      helperText={errors[`items.${i}.${name}`]}
      fullWidth
      multiline
      margin="dense"
    />
  );

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby={`${FORM_ID}-title`}
    >
      <DialogTitle id={`${FORM_ID}-title`}>
        Edit the executive summary
      </DialogTitle>
      <DialogContent>
        <form id={FORM_ID} onSubmit={submit} noValidate>
          {error && <Alert severity="error">{errorMessage(error)}</Alert>}
          {errors.items && <Alert severity="error">{errors.items}</Alert>}
          <TextField
            id={`${FORM_ID}-headline`}
            label="Headline"
            value={values.headline}
            onChange={e => setValues(v => ({ ...v, headline: e.target.value }))}
            error={Boolean(errors.headline)}
            helperText={errors.headline}
            fullWidth
            margin="dense"
          />
          {values.items.map((item, i) => (
            <Paper
              key={i}
              variant="outlined"
              style={{ padding: 12, marginTop: 12 }}
              role="group"
              aria-label={`Item ${i + 1}`}
            >
              <Box
                display="flex"
                justifyContent="space-between"
                alignItems="center"
              >
                <Typography variant="subtitle2">Item {i + 1}</Typography>
                <IconButton
                  aria-label={`Remove item ${i + 1}`}
                  size="small"
                  onClick={() =>
                    setValues(v => ({
                      ...v,
                      items: v.items.filter((_, j) => j !== i),
                    }))
                  }
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Box>
              {field(i, 'whatChanged', 'What changed')}
              {field(i, 'why', 'Why it changed')}
              {field(i, 'decision', 'Decision needed')}
              {item.metricIds.length > 0 && (
                <Typography variant="caption" color="textSecondary">
                  About: {item.metricIds.join(', ')}
                </Typography>
              )}
            </Paper>
          ))}
          <Box mt={2} display="flex" style={{ gap: 8 }}>
            <Button
              variant="outlined"
              onClick={() =>
                setValues(v => ({
                  ...v,
                  items: [
                    ...v.items,
                    { whatChanged: '', why: '', decision: '', metricIds: [] },
                  ],
                }))
              }
            >
              Add item
            </Button>
            <Button onClick={() => setValues(draftFormValues(narrative))}>
              Start from the generated draft
            </Button>
          </Box>
        </form>
      </DialogContent>
      <FormDialogActions
        formId={FORM_ID}
        busy={busy}
        label="Save"
        busyLabel="Saving…"
        onCancel={onClose}
      />
    </Dialog>
  );
};
