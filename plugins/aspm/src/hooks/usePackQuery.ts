import {
  PACK_AUDIENCES,
  PackAudience,
  parsePackPeriod,
} from '@aspm/plugin-aspm-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { defaultPackPeriod } from '../utils/packs/packPeriodOptions';

/** Which pack the page shows. */
export interface PackQuery {
  audience: PackAudience;
  scope: string;
  period: string;
}

/**
 * The pack the page shows, kept in the URL (`?audience=board&period=2026-Q3&scope=...`)
 * so a pack can be linked to and reloaded; anything unknown falls back to
 * pack A for the org and the last full month.
 */
export function usePackQuery(now: Date = new Date()) {
  const [params, setParams] = useSearchParams();
  const audienceParam = params.get('audience');
  const periodParam = params.get('period');
  const scopeParam = params.get('scope');
  const fallbackPeriod = defaultPackPeriod(now);
  const query = useMemo<PackQuery>(
    () => ({
      audience: (PACK_AUDIENCES as readonly string[]).includes(
        audienceParam ?? '',
      )
        ? (audienceParam as PackAudience)
        : 'leadership',
      period:
        periodParam && parsePackPeriod(periodParam)
          ? periodParam
          : fallbackPeriod,
      scope: scopeParam || 'org',
    }),
    [audienceParam, periodParam, scopeParam, fallbackPeriod],
  );
  const update = useCallback(
    (change: Partial<PackQuery>) => {
      const next = { ...query, ...change };
      setParams(
        { audience: next.audience, period: next.period, scope: next.scope },
        { replace: true },
      );
    },
    [query, setParams],
  );
  return { query, update };
}
