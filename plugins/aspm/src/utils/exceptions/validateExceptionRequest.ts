import {
  ExceptionRequest,
  exceptionRequestSchema,
} from '@aspm/plugin-aspm-common';
import { requestFieldOfPath } from './requestFieldOfPath';
import { RequestFormField, RequestFormValues } from './requestFormValues';
import { sentenceCase } from './sentenceCase';
import { toDateInput } from './toDateInput';

/** Errors by field (`form` for the rest), or the body to send. */
export type RequestValidation =
  | { ok: true; body: ExceptionRequest }
  | {
      ok: false;
      errors: Partial<Record<RequestFormField | 'form', string>>;
    };

const MESSAGES: Partial<Record<RequestFormField, string>> = {
  category: 'Choose a category',
  scopeCategory: 'Choose which category of findings',
  scopeType: 'Choose what the exception covers',
};

function bodyOf(values: RequestFormValues, entityRef: string): unknown {
  const scope = {
    findings: { type: 'findings', findingIds: values.findingIds },
    rule: { type: 'rule', rule: values.rule },
    category: { type: 'category', category: values.scopeCategory },
    entity: { type: 'entity' },
  }[values.scopeType];
  const body: Record<string, unknown> = {
    entityRef,
    scope,
    reason: values.reason,
    category: values.category,
  };
  if (values.expiresAt) body.expiresAt = values.expiresAt;
  if (values.reviewAt) body.reviewAt = values.reviewAt;
  if (values.controlText.trim() || values.controlLink.trim()) {
    body.compensatingControl = {
      text: values.controlText,
      ...(values.controlLink.trim() ? { link: values.controlLink.trim() } : {}),
    };
  }
  return body;
}

/**
 * Validates the request form with the API's own schema and maps each issue
 * to its field; dates must also be today (UTC) or later, as the backend
 * rejects dates in the past.
 */
export function validateExceptionRequest(
  values: RequestFormValues,
  entityRef: string,
  now: number = Date.now(),
): RequestValidation {
  const errors: Partial<Record<RequestFormField | 'form', string>> = {};
  const parsed = exceptionRequestSchema.safeParse(bodyOf(values, entityRef));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = requestFieldOfPath(issue.path);
      if (field) {
        errors[field] ??= MESSAGES[field] ?? sentenceCase(issue.message);
      } else {
        errors.form ??= `${issue.path.join('.')}: ${issue.message}`;
      }
    }
  }
  const today = toDateInput(now);
  for (const field of ['expiresAt', 'reviewAt'] as const) {
    if (values[field] && values[field] < today) {
      errors[field] ??= 'Must be today or later';
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, body: parsed.data };
}
