import {
  DirectorPack,
  PACK_AUDIENCES,
  PackAudience,
  PackPeriodKind,
} from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import DescriptionIcon from '@material-ui/icons/Description';
import GetAppIcon from '@material-ui/icons/GetApp';
import PrintIcon from '@material-ui/icons/Print';
import { useMemo } from 'react';
import { PackQuery } from '../../hooks';
import {
  PERIOD_KINDS,
  PERIOD_KIND_LABELS,
  packPeriodKind,
  packPeriodLabel,
  packPeriodOptions,
  periodForKind,
} from '../../utils/packs/packPeriodOptions';

/** The packs' audiences, as the picker names them. */
export const AUDIENCE_LABELS: Record<PackAudience, string> = {
  leadership: 'A: Platform and product leadership',
  managers: 'B: Security managers and team leads',
  board: 'C: Board',
};

/**
 * The pack pickers (audience, period length, period, scope) and the exports
 * (Markdown, CSV, print). Hidden when printing.
 */
export const PackToolbar = (props: {
  query: PackQuery;
  pack?: DirectorPack;
  now: Date;
  busy: boolean;
  onChange: (change: Partial<PackQuery>) => void;
  onExport: (format: 'md' | 'csv') => void;
  onPrint: () => void;
}) => {
  const { query, pack, now, busy, onChange, onExport, onPrint } = props;
  const kinds = PERIOD_KINDS[query.audience];
  const kind = packPeriodKind(query.period);
  const options = useMemo(() => {
    const list = packPeriodOptions(kind, now);
    // A linked period older than the picker offers still shows.
    return list.some(o => o.id === query.period)
      ? list
      : [
          ...list,
          {
            id: query.period,
            label: packPeriodLabel(query.period),
            running: false,
          },
        ];
  }, [kind, now, query.period]);
  const units = pack?.businessUnits ?? [];
  const scopes = [
    { id: 'org', label: 'Organisation' },
    ...units.map(u => ({ id: `businessUnit:${u.ref}`, label: u.title })),
  ];
  if (!scopes.some(s => s.id === query.scope)) {
    scopes.push({ id: query.scope, label: pack?.scopeTitle ?? query.scope });
  }
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-end"
      style={{ gap: 16 }}
      mb={2}
      data-print="hide"
    >
      <TextField
        id="aspm-pack-audience"
        select
        label="Pack"
        value={query.audience}
        onChange={e => {
          const audience = e.target.value as PackAudience;
          // Half-years are the board's: another pack goes back to months.
          const change: Partial<PackQuery> = { audience };
          if (!PERIOD_KINDS[audience].includes(kind))
            change.period = periodForKind('month', now);
          onChange(change);
        }}
        style={{ minWidth: 300 }}
      >
        {PACK_AUDIENCES.map(a => (
          <MenuItem key={a} value={a}>
            {AUDIENCE_LABELS[a]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="aspm-pack-period-kind"
        select
        label="Cadence"
        value={kind}
        onChange={e =>
          onChange({
            period: periodForKind(e.target.value as PackPeriodKind, now),
          })
        }
        style={{ minWidth: 130 }}
      >
        {kinds.map(k => (
          <MenuItem key={k} value={k}>
            {PERIOD_KIND_LABELS[k]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="aspm-pack-period"
        select
        label="Period"
        value={query.period}
        onChange={e => onChange({ period: e.target.value })}
        style={{ minWidth: 240 }}
      >
        {options.map(o => (
          <MenuItem key={o.id} value={o.id}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="aspm-pack-scope"
        select
        label="Scope"
        value={query.scope}
        onChange={e => onChange({ scope: e.target.value })}
        style={{ minWidth: 220 }}
      >
        {scopes.map(s => (
          <MenuItem key={s.id} value={s.id}>
            {s.label}
          </MenuItem>
        ))}
      </TextField>
      <Box flexGrow={1} />
      <Button
        variant="outlined"
        startIcon={<DescriptionIcon />}
        disabled={busy || !pack}
        onClick={() => onExport('md')}
      >
        Markdown
      </Button>
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        disabled={busy || !pack}
        onClick={() => onExport('csv')}
      >
        CSV
      </Button>
      <Button
        variant="outlined"
        startIcon={<PrintIcon />}
        disabled={!pack}
        onClick={onPrint}
      >
        Print / PDF
      </Button>
    </Box>
  );
};
