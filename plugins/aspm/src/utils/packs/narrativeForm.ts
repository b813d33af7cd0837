import {
  NarrativeItem,
  PackNarrative,
  PackNarrativeRequest,
} from '@aspm/plugin-aspm-common';

/** One narrative pair in the edit form. */
export interface NarrativeFormItem {
  whatChanged: string;
  why: string;
  decision: string;
  metricIds: string[];
  tone?: NarrativeItem['tone'];
}

/** The narrative edit form. */
export interface NarrativeFormValues {
  headline: string;
  items: NarrativeFormItem[];
}

/** Limits the backend enforces (packNarrativeBodySchema). */
export const NARRATIVE_LIMITS = {
  headline: 500,
  whatChanged: 1000,
  why: 2000,
  decision: 1000,
  items: 20,
};

const toForm = (
  headline: string,
  items: NarrativeItem[],
): NarrativeFormValues => ({
  headline,
  items: items.map(i => ({
    whatChanged: i.whatChanged,
    why: i.why,
    decision: i.decision ?? '',
    metricIds: i.metricIds,
    tone: i.tone,
  })),
});

/** The form as the pack shows the narrative now (saved or generated). */
export const narrativeFormValues = (n: PackNarrative) =>
  toForm(n.headline, n.items);

/** The form filled with the generated draft (to start again from the data). */
export const draftFormValues = (n: PackNarrative) =>
  toForm(n.draft.headline, n.draft.items);

/** What is wrong with the form, by field (`headline`, `items.0.whatChanged`...). */
export function validateNarrativeForm(
  values: NarrativeFormValues,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const tooLong = (text: string, max: number) =>
    text.trim().length > max ? `At most ${max} characters` : undefined;
  const headline = tooLong(values.headline, NARRATIVE_LIMITS.headline);
  if (headline) errors.headline = headline;
  if (values.items.length > NARRATIVE_LIMITS.items) {
    errors.items = `At most ${NARRATIVE_LIMITS.items} items: a summary is one screen`;
  }
  values.items.forEach((item, i) => {
    if (!item.whatChanged.trim()) {
      errors[`items.${i}.whatChanged`] = 'Say what changed';
    }
    for (const field of ['whatChanged', 'why', 'decision'] as const) {
      const problem = tooLong(item[field], NARRATIVE_LIMITS[field]);
      if (problem) errors[`items.${i}.${field}`] = problem;
    }
  });
  return errors;
}

/** The body of PUT /packs/:audience/narrative from the form. */
export function narrativeRequest(
  values: NarrativeFormValues,
): PackNarrativeRequest {
  return {
    ...(values.headline.trim() ? { headline: values.headline.trim() } : {}),
    items: values.items.map(i => ({
      whatChanged: i.whatChanged.trim(),
      why: i.why.trim(),
      ...(i.decision.trim() ? { decision: i.decision.trim() } : {}),
      metricIds: i.metricIds as NonNullable<
        PackNarrativeRequest['items'][number]['metricIds']
      >,
      ...(i.tone ? { tone: i.tone } : {}),
    })),
  };
}
