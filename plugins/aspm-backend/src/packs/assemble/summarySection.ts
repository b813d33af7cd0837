import {
  NarrativeItem,
  PackFigures,
  PackNarrative,
  PackSection,
} from '@aspm/plugin-aspm-common';
import { narrateSummary } from '../narrative/narrateSummary';
import { narrativeInputOf } from './narrativeInputOf';
import { PackContext } from './PackContext';

const TITLES = {
  leadership: 'Executive summary',
  managers: 'Summary',
  board: 'Posture direction',
} as const;

/**
 * The executive summary: the generated narrative (what changed, why, what
 * decision is needed), or the one saved for this pack with its author; the
 * draft stays alongside.
 */
export function summaryNarrative(ctx: PackContext): PackNarrative {
  const narrativeInput = narrativeInputOf(ctx);
  const generated = narrateSummary(narrativeInput);
  const narrative: PackNarrative = {
    kind: 'narrative',
    id: 'narrative',
    ...generated,
    draft: { headline: generated.headline, items: generated.items },
  };
  const saved = ctx.input.saved;
  if (!saved) return narrative;
  const items: NarrativeItem[] = saved.items.map((item, i) => ({
    id: `saved-${i + 1}`,
    metricIds: item.metricIds ?? [],
    tone: item.tone ?? 'flat',
    whatChanged: item.whatChanged,
    why: item.why,
    ...(item.decision ? { decision: item.decision } : {}),
  }));
  return {
    ...narrative,
    headline: saved.headline || generated.headline,
    items,
    decisions: items.flatMap(i => (i.decision ? [i.decision] : [])),
    saved: {
      author: saved.author,
      savedAt: saved.savedAt,
      revision: saved.revision,
    },
  };
}

export function summarySection(ctx: PackContext): PackSection {
  const narrative = summaryNarrative(ctx);
  const blocks: PackSection['blocks'] = [narrative];
  if (ctx.input.audience !== 'board') {
    const measured = ctx.metrics.filter(m => m.value !== null);
    const figures: PackFigures = {
      kind: 'figures',
      id: 'summary-figures',
      items: [
        {
          id: 'on-target',
          label: 'Metrics on target',
          value: measured.filter(m => m.status === 'met').length,
          unit: 'count',
          note: `of ${measured.length} measured`,
        },
        {
          id: 'improving',
          label: 'Improving',
          value: measured.filter(m => m.direction === 'improving').length,
          unit: 'count',
          note: `since ${ctx.input.previous.period}`,
        },
        {
          id: 'worsening',
          label: 'Worsening',
          value: measured.filter(m => m.direction === 'worsening').length,
          unit: 'count',
          note: `since ${ctx.input.previous.period}`,
        },
        {
          id: 'decisions',
          label: 'Decisions needed',
          value: narrative.decisions.length,
          unit: 'count',
        },
        {
          id: 'open-asks',
          label: 'Open strategic asks',
          value: ctx.input.asks.filter(a => a.status === 'open').length,
          unit: 'count',
        },
      ],
    };
    blocks.push(figures);
  }
  return { id: 'summary', title: TITLES[ctx.input.audience], blocks };
}
