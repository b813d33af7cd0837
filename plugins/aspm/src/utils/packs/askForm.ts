import {
  STRATEGIC_ASK_KINDS,
  StrategicAsk,
  StrategicAskKind,
  StrategicAskRequest,
  StrategicAskUpdate,
} from '@aspm/plugin-aspm-common';

/** The strategic ask form. */
export interface AskFormValues {
  kind: StrategicAskKind;
  title: string;
  detail: string;
  metricIds: string[];
}

/** Labels of the ask kinds. */
export const ASK_KIND_LABELS: Record<StrategicAskKind, string> = {
  budget: 'Budget',
  platform: 'Platform',
  hiring: 'Hiring',
  ownership: 'Ownership',
  policy: 'Policy',
  other: 'Other',
};

/** The kinds, in the picker's order. */
export const ASK_KINDS = [...STRATEGIC_ASK_KINDS];

/** An empty form, or the ask's values to edit it. */
export function askFormValues(ask?: StrategicAsk): AskFormValues {
  return {
    kind: ask?.kind ?? 'budget',
    title: ask?.title ?? '',
    detail: ask?.detail ?? '',
    metricIds: ask?.metricIds ?? [],
  };
}

/** What is wrong with the form, by field. */
export function validateAskForm(values: AskFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = 'Give the ask a title';
  else if (values.title.trim().length > 200)
    errors.title = 'At most 200 characters';
  if (values.detail.trim().length > 4000)
    errors.detail = 'At most 4000 characters';
  return errors;
}

type MetricIds = NonNullable<StrategicAskRequest['metricIds']>;

/** The body of POST /packs/asks: raised for the pack's scope in its period. */
export function askRequest(
  values: AskFormValues,
  scope: string,
  raisedIn: string,
): StrategicAskRequest {
  return {
    scope,
    kind: values.kind,
    title: values.title.trim(),
    ...(values.detail.trim() ? { detail: values.detail.trim() } : {}),
    metricIds: values.metricIds as MetricIds,
    raisedIn,
  };
}

/** The body of PATCH /packs/asks/:id editing an ask's text and metrics. */
export function askUpdate(values: AskFormValues): StrategicAskUpdate {
  return {
    kind: values.kind,
    title: values.title.trim(),
    detail: values.detail.trim(),
    metricIds: values.metricIds as MetricIds,
  };
}
