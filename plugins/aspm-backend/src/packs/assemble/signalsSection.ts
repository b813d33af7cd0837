import { PackSection } from '@aspm/plugin-aspm-common';
import { scorecardDrilldown } from './metricsSection';
import { PackContext } from './PackContext';

const ratio = (n: number, d: number) =>
  d > 0 ? Math.round((n / d) * 10000) / 10000 : null;

/**
 * Signal quality (pack B): reopen rate, how much scanner output was
 * duplicates or already known, and the share of new findings marked false
 * positive, per source.
 */
export function signalsSection(ctx: PackContext): PackSection {
  const { intake, signal } = ctx.detail;
  const reopen = ctx.metrics.find(m => m.id === 'reopen_rate')!;
  const firstSeen = signal.reduce((s, x) => s + x.firstSeen, 0);
  const falsePositives = signal.reduce((s, x) => s + x.falsePositives, 0);
  const reopens = scorecardDrilldown(ctx, ['reopen_rate', 'mttr']);
  return {
    id: 'signals',
    title: 'Signal quality',
    blocks: [
      {
        kind: 'figures',
        id: 'signal-figures',
        items: [
          {
            id: 'reopen_rate',
            label: ctx.vocab.metric('reopen_rate'),
            value: reopen.value,
            unit: 'ratio',
            status: reopen.status,
            ...(reopen.direction ? { direction: reopen.direction } : {}),
          },
          {
            id: 'deduplicated',
            label: 'Scanner results merged (duplicate or already known)',
            value: ratio(intake.duplicate + intake.known, intake.received),
            unit: 'ratio',
            note: `${intake.received} results received, ${intake.new} new findings`,
          },
          {
            id: 'duplicates',
            label: 'Duplicates within a scan',
            value: ratio(intake.duplicate, intake.received),
            unit: 'ratio',
            note: `${intake.duplicate} of ${intake.received}`,
          },
          {
            id: 'false-positives',
            label: 'New findings marked false positive',
            value: ratio(falsePositives, firstSeen),
            unit: 'ratio',
            note: `${falsePositives} of ${firstSeen} first seen in the period`,
          },
        ],
      },
      {
        kind: 'table',
        id: 'signal-by-source',
        title: 'False positives by source',
        columns: [
          { key: 'name', label: 'Source', type: 'text' },
          { key: 'firstSeen', label: 'New findings', type: 'count' },
          {
            key: 'falsePositives',
            label: 'Marked false positive',
            type: 'count',
          },
          { key: 'share', label: 'False-positive share', type: 'ratio' },
        ],
        rows: signal.map(s => ({
          id: `source-${s.tool}`,
          level: 'source',
          cells: {
            name: s.tool,
            firstSeen: s.firstSeen,
            falsePositives: s.falsePositives,
            share: ratio(s.falsePositives, s.firstSeen),
          },
        })),
        emptyText: 'No findings were first seen in the period.',
      },
      {
        ...reopens,
        id: 'reopens-by-unit',
        title: 'Reopen rate and time to remediate',
      },
    ],
  };
}
