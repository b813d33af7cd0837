import {
  DirectorPack,
  PackBlock,
  PackMetric,
  PackRow,
  PackTable,
} from '@aspm/plugin-aspm-common';
import {
  formatChange,
  formatPackValue,
  formatTarget,
} from '../narrative/formatPackValue';
import { periodLabel } from '../packPeriods';
import { cellText } from './packCells';

const SPARK = '▁▂▃▄▅▆▇█';

/** A trend as block characters (gaps as spaces): `▂▃▅▇`. */
export function sparkline(values: Array<number | null>): string {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return '';
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values
    .map(v => {
      if (v === null) return ' ';
      if (max === min) return SPARK[3];
      return SPARK[Math.round(((v - min) / (max - min)) * (SPARK.length - 1))];
    })
    .join('');
}

const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function markdownTable(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.map(escape).join(' | ')} |`),
  ];
}

function flatten(
  rows: PackRow[],
  depth = 0,
): Array<{ row: PackRow; depth: number }> {
  return rows.flatMap(row => [
    { row, depth },
    ...flatten(row.children ?? [], depth + 1),
  ]);
}

function tableLines(t: PackTable): string[] {
  const lines = [`### ${t.title}`, ''];
  if (t.description) lines.push(t.description, '');
  if (!t.rows.length) return [...lines, `_${t.emptyText}_`, ''];
  const rows = flatten(t.rows).map(({ row, depth }) =>
    t.columns.map((c, i) => {
      const text = cellText(c.type, row.cells[c.key]);
      const status = c.statusKey ? row.cells[c.statusKey] : undefined;
      const marked = status === 'not-met' && text ? `${text} ✗` : text;
      return i === 0 && depth ? `${'↳ '.repeat(depth)}${marked}` : marked;
    }),
  );
  return [
    ...lines,
    ...markdownTable(
      t.columns.map(c => c.label),
      rows,
    ),
    '',
  ];
}

const DIRECTION = {
  improving: 'improving',
  flat: 'flat',
  worsening: 'worsening',
} as const;

function scorecardLines(metrics: PackMetric[], yearAgo: boolean): string[] {
  const header = [
    'Metric',
    'Value',
    'Target',
    'Status',
    'Direction',
    'Previous',
  ];
  if (yearAgo) header.push('A year earlier');
  header.push('Trend');
  const rows = metrics.map(m => {
    const cells = [
      m.title,
      formatPackValue(m.unit, m.value),
      formatTarget(m.unit, m.target),
      m.status === 'not-met' ? 'not met' : m.status.replace('-', ' '),
      m.direction ? DIRECTION[m.direction] : '',
      m.previousValue === undefined
        ? ''
        : formatPackValue(m.unit, m.previousValue),
    ];
    if (yearAgo) cells.push(formatPackValue(m.unit, m.yearAgoValue));
    cells.push(sparkline(m.points.map(p => p.value)));
    return cells;
  });
  const lines = [...markdownTable(header, rows), ''];
  const changes = metrics.flatMap(m =>
    m.points.flatMap(p => {
      const list = p.countingChanges ?? [];
      if (!list.length) return [];
      const descriptions = [...new Set(list.map(c => c.description))];
      const effect = list.reduce((s, c) => s + (c.effect ?? 0), 0);
      return [
        `- ${m.title}, ${periodLabel(p.period)}: ${descriptions.join(
          '; ',
        )} (effect on the number: ${formatChange(m.unit, effect)})`,
      ];
    }),
  );
  if (changes.length)
    lines.push('Counting changes in the trend:', '', ...changes, '');
  return lines;
}

function blockLines(block: PackBlock, pack: DirectorPack): string[] {
  switch (block.kind) {
    case 'narrative': {
      const lines = [`**${block.headline}**`, ''];
      block.items.forEach((item, i) => {
        lines.push(`${i + 1}. **What changed:** ${item.whatChanged}`);
        if (item.why) lines.push(`   **Why:** ${item.why}`);
        if (item.decision)
          lines.push(`   **Decision needed:** ${item.decision}`);
      });
      lines.push('');
      if (block.saved) {
        lines.push(
          `_Narrative edited by ${
            block.saved.author
          } on ${block.saved.savedAt.slice(0, 10)} (revision ${
            block.saved.revision
          })._`,
          '',
        );
      }
      return lines;
    }
    case 'figures':
      return [
        ...(block.title ? [`### ${block.title}`, ''] : []),
        ...markdownTable(
          ['Figure', 'Value', 'Note'],
          block.items.map(f => [
            f.label,
            cellText(f.unit, f.value),
            f.note ?? '',
          ]),
        ),
        '',
      ];
    case 'scorecard':
      return scorecardLines(block.metrics, pack.yearAgo.available);
    case 'table':
      return tableLines(block);
    case 'text':
      return [
        ...(block.title ? [`### ${block.title}`, ''] : []),
        ...(block.items.length
          ? block.items.map(i => `- **${i.title}.** ${i.text}`)
          : [`_${block.emptyText}_`]),
        '',
      ];
    case 'asks':
      if (!block.items.length) return [`_${block.emptyText}_`, ''];
      return [
        ...block.items.map(a => {
          let state = 'open, new this period';
          if (a.status === 'closed')
            state = `closed in ${periodLabel(a.closedIn!)}`;
          else if (a.carried)
            state = `open, carried since ${periodLabel(a.raisedIn)}`;
          const metrics = a.metrics.length
            ? ` Metrics: ${a.metrics
                .map(
                  m =>
                    `${m.title} ${formatPackValue(m.unit, m.value)} (${
                      m.status === 'not-met' ? 'not met' : m.status
                    })`,
                )
                .join('; ')}.`
            : '';
          const detail = a.detail ? ` ${a.detail}` : '';
          const resolution = a.resolution ? ` Resolution: ${a.resolution}` : '';
          return `- **${a.title}** (${a.kind}; ${state}; raised by ${a.raisedBy}).${detail}${metrics}${resolution}`;
        }),
        '',
      ];
    default:
      return [];
  }
}

/** A pack as Markdown, for docs and wikis: the same sections as the portal. */
export function packMarkdown(pack: DirectorPack): string {
  const lastDay = new Date(new Date(pack.period.to).getTime() - 1)
    .toISOString()
    .slice(0, 10);
  const compared = [
    `${periodLabel(pack.previous.period)}${
      pack.previous.available ? '' : ' (no history)'
    }`,
    ...(pack.yearAgo.available ? [periodLabel(pack.yearAgo.period)] : []),
  ].join(' and ');
  const state = {
    open: 'period still running, numbers up to now',
    provisional: 'period over, numbers may still change with late data',
    closed: `closed, numbers frozen ${
      pack.period.frozenAt?.slice(0, 10) ?? ''
    }`.trim(),
  }[pack.period.state];
  const lines = [
    `# ${pack.title}`,
    '',
    `**Scope:** ${pack.scopeTitle} · **Period:** ${periodLabel(
      pack.period.id,
    )} (${pack.period.from.slice(
      0,
      10,
    )} to ${lastDay}; ${state}) · **Compared with:** ${compared}`,
    '',
    `_Generated ${pack.generatedAt.slice(0, 16).replace('T', ' ')} UTC._`,
    '',
  ];
  pack.sections.forEach((section, i) => {
    lines.push(`## ${i + 1}. ${section.title}`, '');
    for (const block of section.blocks) lines.push(...blockLines(block, pack));
  });
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
