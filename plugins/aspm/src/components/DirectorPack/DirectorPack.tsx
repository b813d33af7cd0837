import { DirectorPack as Pack } from '@aspm/plugin-aspm-common';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import LinearProgress from '@material-ui/core/LinearProgress';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useMemo, useState } from 'react';
import { aspmApiRef } from '../../api';
import { usePack, usePackEditing, usePackQuery } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { downloadText } from '../../utils/packs/downloadText';
import { PackDocument } from './PackDocument';
import { PackToolbar } from './PackToolbar';

/** Whether a pack has any data (the narrative says "no data" otherwise). */
const hasData = (pack: Pack) =>
  !pack.sections
    .flatMap(s => s.blocks)
    .some(b => b.kind === 'narrative' && b.trend === 'no-data');

/**
 * The director pack page: pick the pack (A leadership, B managers, C
 * board), the cadence and period, and the scope (org or a business unit);
 * read its sections; export Markdown or CSV, or print it. One request per
 * pack; exports ask the backend for the same pack in another format.
 */
export const DirectorPack = (props: { now?: Date }) => {
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const api = useApi(aspmApiRef);
  const { query, update } = usePackQuery(now);
  const request = useMemo(
    () => ({ scope: query.scope, period: query.period }),
    [query.scope, query.period],
  );
  const {
    value: pack,
    loading,
    error,
    retry,
  } = usePack(query.audience, request);
  const editing = usePackEditing(query, retry);
  const [exportError, setExportError] = useState<Error>();
  const [exporting, setExporting] = useState(false);

  const exportPack = useCallback(
    async (format: 'md' | 'csv', table?: string) => {
      setExporting(true);
      setExportError(undefined);
      try {
        const file = await api.exportPack(query.audience, {
          ...request,
          format,
          ...(table ? { table } : {}),
        });
        downloadText(file);
      } catch (e) {
        setExportError(e as Error);
      } finally {
        setExporting(false);
      }
    },
    [api, query.audience, request],
  );

  return (
    <div>
      <PackToolbar
        query={query}
        pack={pack}
        now={now}
        busy={exporting}
        onChange={update}
        onExport={format => exportPack(format)}
        onPrint={() => window.print()}
      />
      {exportError && (
        <Alert severity="error" data-print="hide">
          The export failed: {errorMessage(exportError)}
        </Alert>
      )}
      {loading && pack && <LinearProgress data-print="hide" />}
      {loading && !pack && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title={errorMessage(error)} />
      )}
      {!error && pack && !hasData(pack) && (
        <EmptyState
          missing="data"
          title="No security data for this scope and period"
          description="The pack is computed from the ASPM store's history. Sync the catalog (it runs every 30 minutes, or POST /api/aspm/catalog-sync), push scanner results to /api/aspm/ingest or add a source module, and pick a period the history reaches."
        />
      )}
      {!error && pack && hasData(pack) && (
        <PackDocument
          pack={pack}
          editing={editing}
          onExportTable={table => exportPack('csv', table)}
        />
      )}
    </div>
  );
};
