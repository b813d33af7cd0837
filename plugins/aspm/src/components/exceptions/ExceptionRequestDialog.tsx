import {
  AspmExceptionDetails,
  FINDING_CATEGORIES,
} from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useCallback, useState } from 'react';
import { useExceptionPolicy, useExceptionRequest } from '../../hooks';
import { decisionLimits } from '../../utils/exceptions/decisionLimits';
import { exceptionCategoryLabel } from '../../utils/exceptions/exceptionCategoryLabel';
import { requestFieldOfPath } from '../../utils/exceptions/requestFieldOfPath';
import {
  RequestFormField,
  RequestFormPrefill,
  RequestFormValues,
  requestFormValues,
} from '../../utils/exceptions/requestFormValues';
import { FormDialogActions } from '../shared';
import { scopeTypeOptions } from '../../utils/exceptions/scopeTypeOptions';
import { splitServerMessage } from '../../utils/exceptions/splitServerMessage';
import { validateExceptionRequest } from '../../utils/exceptions/validateExceptionRequest';
import { errorMessage } from '../../utils/errors';
import { categoryLabel } from '../../utils/findings';

const FORM_ID = 'aspm-exception-request';

/**
 * The form to request an exception for an entity: what it covers, why, the
 * category, the expiry asked for, a review date and a compensating control.
 * Fields are checked with the API's schema before anything is sent; the
 * server's error shows in the dialog (and under the field it names).
 */
export const ExceptionRequestDialog = (props: {
  entityRef: string;
  /** The entity's tier, to state the longest approval. */
  tier?: string;
  prefill?: RequestFormPrefill;
  onClose: () => void;
  onCreated: (exception: AspmExceptionDetails) => void;
}) => {
  const { entityRef, tier, onClose, onCreated } = props;
  const policy = useExceptionPolicy();
  const [values, setValues] = useState<RequestFormValues>(() =>
    requestFormValues(props.prefill),
  );
  const [errors, setErrors] = useState<
    Partial<Record<RequestFormField | 'form', string>>
  >({});
  const [state, send] = useExceptionRequest(
    useCallback((e: AspmExceptionDetails) => onCreated(e), [onCreated]),
  );
  const limits = decisionLimits(policy.value, tier);

  const serverMessage = state.error ? errorMessage(state.error) : undefined;
  const server = serverMessage ? splitServerMessage(serverMessage) : undefined;
  const serverField = server ? requestFieldOfPath(server.path) : undefined;
  const errorOf = (field: RequestFormField) =>
    errors[field] ?? (serverField === field ? server?.text : undefined);
  const fieldProps = (field: RequestFormField, helper?: string) => ({
    id: `${FORM_ID}-${field}`,
    value: values[field],
    onChange: (e: { target: { value: unknown } }) => {
      setValues(v => ({ ...v, [field]: e.target.value as string }));
      setErrors(({ [field]: _, ...rest }) => rest);
    },
    error: Boolean(errorOf(field)),
    helperText: errorOf(field) ?? helper,
    fullWidth: true,
    margin: 'dense' as const,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validateExceptionRequest(values, entityRef);
    if (result.ok) send(result.body);
    else setErrors(result.errors);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={`${FORM_ID}-title`}
      maxWidth="sm"
      fullWidth
      scroll="paper"
    >
      <DialogTitle id={`${FORM_ID}-title`}>Request an exception</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="textSecondary" paragraph>
          An exception accepts the risk of findings of <code>{entityRef}</code>{' '}
          for a while. Someone other than you approves it and sets its expiry.
          {limits.hint ? ` ${limits.hint}` : ''}
        </Typography>
        <form id={FORM_ID} noValidate onSubmit={submit}>
          <TextField
            {...fieldProps('scopeType')}
            select
            required
            label="Covers"
          >
            {scopeTypeOptions(values.findingIds).map(o => (
              <MenuItem key={o.value} value={o.value}>
                {o.label}
              </MenuItem>
            ))}
          </TextField>
          {values.scopeType === 'rule' && (
            <TextField
              {...fieldProps(
                'rule',
                'Every finding of the entity with this rule id, CVE or GHSA',
              )}
              required
              label="Rule or advisory"
              placeholder="e.g. CVE-2021-44228"
            />
          )}
          {values.scopeType === 'category' && (
            <TextField
              {...fieldProps('scopeCategory')}
              select
              required
              label="Category of findings"
            >
              {FINDING_CATEGORIES.map(c => (
                <MenuItem key={c} value={c}>
                  {categoryLabel(c)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            {...fieldProps(
              'category',
              'Why the finding cannot be fixed now, in the policy’s terms',
            )}
            select
            required
            label="Exception category"
            disabled={!policy.value}
          >
            {(policy.value?.categories ?? []).map(c => (
              <MenuItem key={c} value={c}>
                {exceptionCategoryLabel(c)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            {...fieldProps(
              'reason',
              'At least 10 characters: why the risk is acceptable, and the plan to fix it',
            )}
            required
            multiline
            minRows={3}
            label="Reason"
          />
          <TextField
            {...fieldProps(
              'expiresAt',
              'Optional: the expiry you ask for; the approver sets the real one',
            )}
            type="date"
            label="Requested expiry"
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: limits.today, max: limits.latest }}
          />
          <TextField
            {...fieldProps(
              'reviewAt',
              'Optional: when to check the exception again',
            )}
            type="date"
            label="Review date"
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: limits.today }}
          />
          <TextField
            {...fieldProps(
              'controlText',
              'Optional: what reduces the risk meanwhile (WAF rule, network isolation…)',
            )}
            multiline
            label="Compensating control"
          />
          <TextField
            {...fieldProps(
              'controlLink',
              'Optional: where the control is documented',
            )}
            type="url"
            label="Link to the control"
            placeholder="https://"
          />
          {policy.error && (
            <Box mt={2}>
              <Alert severity="error">
                The exception policy could not be loaded:{' '}
                {errorMessage(policy.error)}
              </Alert>
            </Box>
          )}
          {(errors.form || serverMessage) && (
            <Box mt={2}>
              <Alert severity="error">{serverMessage ?? errors.form}</Alert>
            </Box>
          )}
        </form>
      </DialogContent>
      <FormDialogActions
        formId={FORM_ID}
        busy={state.loading}
        label="Request exception"
        busyLabel="Sending…"
        onCancel={onClose}
      />
    </Dialog>
  );
};
