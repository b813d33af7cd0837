import {
  DirectorPack,
  PackBlock,
  PackMetric,
  PackNarrative,
} from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { usePackEditing } from '../../hooks';
import { formatDateTime } from '../../utils/format';
import { packPeriodLabel } from '../../utils/packs/packPeriodOptions';
import { AsksBlock } from './AsksBlock';
import { NarrativeBlock } from './NarrativeBlock';
import { NarrativeEditDialog } from './NarrativeEditDialog';
import { PackFiguresBlock } from './PackFiguresBlock';
import { PackTableBlock } from './PackTableBlock';
import { PackTextBlock } from './PackTextBlock';
import { ScorecardBlock } from './ScorecardBlock';
import { PRINT_PAGE_CSS, usePackPrintStyles } from './usePackPrintStyles';

const STATE_LABELS = {
  open: 'Period running: numbers up to now',
  provisional: 'Period over: numbers freeze after a day of late data',
  closed: 'Closed: numbers frozen',
};

/** The header of a pack: title, scope, period, its state and what it is compared with. */
const PackHeader = (props: { pack: DirectorPack }) => {
  const { pack } = props;
  return (
    <Box mb={2}>
      <Typography variant="h4" component="h2">
        {pack.title}
      </Typography>
      <Typography variant="subtitle1" color="textSecondary">
        {pack.scopeTitle} · {packPeriodLabel(pack.period.id)} · compared with{' '}
        {packPeriodLabel(pack.previous.period)}
        {pack.previous.available ? '' : ' (no history)'}
        {pack.yearAgo.available
          ? ` and ${packPeriodLabel(pack.yearAgo.period)}`
          : ''}
      </Typography>
      <Chip
        size="small"
        variant="outlined"
        label={
          pack.period.state === 'closed' && pack.period.frozenAt
            ? `${STATE_LABELS.closed} ${formatDateTime(pack.period.frozenAt)}`
            : STATE_LABELS[pack.period.state]
        }
      />{' '}
      <Typography variant="caption" color="textSecondary">
        Generated {formatDateTime(pack.generatedAt)}
      </Typography>
    </Box>
  );
};

/**
 * A director pack: its sections in order, each block rendered by kind (so a
 * new section or table from the backend needs no new component). Printing
 * gives each section its own page, without the portal's navigation.
 */
export const PackDocument = (props: {
  pack: DirectorPack;
  editing: ReturnType<typeof usePackEditing>;
  onExportTable: (tableId: string) => void;
}) => {
  const { pack, editing, onExportTable } = props;
  const classes = usePackPrintStyles();
  const [editNarrative, setEditNarrative] = useState<PackNarrative>();
  const metrics: PackMetric[] = pack.sections
    .flatMap(s => s.blocks)
    .flatMap(b => (b.kind === 'scorecard' ? b.metrics : []));

  const blockView = (block: PackBlock) => {
    switch (block.kind) {
      case 'narrative':
        return (
          <NarrativeBlock
            block={block}
            canEdit={pack.canEdit}
            onEdit={() => setEditNarrative(block)}
          />
        );
      case 'scorecard':
        return <ScorecardBlock block={block} pack={pack} />;
      case 'table':
        return <PackTableBlock block={block} onExport={onExportTable} />;
      case 'figures':
        return <PackFiguresBlock block={block} />;
      case 'text':
        return <PackTextBlock block={block} />;
      case 'asks':
        return (
          <AsksBlock
            block={block}
            metrics={metrics}
            scope={pack.scope}
            period={pack.period.id}
            canEdit={pack.canEdit}
            state={editing.ask}
            onSave={editing.saveAsk}
          />
        );
      default:
        return null;
    }
  };

  return (
    <article
      className={classes.pack}
      data-testid="director-pack"
      data-audience={pack.audience}
    >
      <style>{PRINT_PAGE_CSS}</style>
      <PackHeader pack={pack} />
      {pack.sections.map((section, i) => (
        <section
          key={section.id}
          className={`${classes.section} ${
            pack.audience === 'board'
              ? classes.compactSection
              : classes.pagedSection
          }`}
          aria-labelledby={`aspm-pack-section-${section.id}`}
          data-section={section.id}
        >
          <Typography
            variant="h5"
            component="h3"
            id={`aspm-pack-section-${section.id}`}
            gutterBottom
          >
            {i + 1}. {section.title}
          </Typography>
          {section.blocks.map(block => (
            <Box
              key={block.id}
              mb={2}
              className={classes.block}
              data-block={block.id}
            >
              {blockView(block)}
            </Box>
          ))}
        </section>
      ))}
      {editNarrative && (
        <NarrativeEditDialog
          narrative={editNarrative}
          busy={editing.narrative.loading}
          error={editing.narrative.error}
          onClose={() => setEditNarrative(undefined)}
          onSave={async body => {
            const result = await editing.saveNarrative(body);
            if (!(result instanceof Error)) setEditNarrative(undefined);
          }}
        />
      )}
    </article>
  );
};
