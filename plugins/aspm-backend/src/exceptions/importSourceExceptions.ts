import { InputError } from '@backstage/errors';
import { EXCEPTION_SOURCES, ExceptionSource } from '@aspm/plugin-aspm-common';
import {
  AspmExceptionImportResult,
  AspmSourceExceptions,
} from '@aspm/plugin-aspm-node';
import { ExceptionsStore } from '../database/ExceptionsStore';

/**
 * Stores a source's risk acceptances for one entity: resolves the findings
 * they name (tool + fingerprint) to stored ids, then upserts by external id.
 */
export async function importSourceExceptions(options: {
  sourceId: string;
  batch: AspmSourceExceptions;
  exceptions: ExceptionsStore;
  categories: string[];
  now?: Date;
}): Promise<AspmExceptionImportResult> {
  const { sourceId, batch } = options;
  if (!(EXCEPTION_SOURCES as readonly string[]).includes(sourceId)) {
    throw new InputError(
      `source ${sourceId} cannot import exceptions (only ${EXCEPTION_SOURCES.filter(
        s => s !== 'manual',
      ).join(', ')})`,
    );
  }
  const source = sourceId as ExceptionSource;
  const entityRef = batch.entityRef.toLocaleLowerCase('en-US');
  const refs = batch.exceptions.flatMap(e => e.findings);
  const ids = await options.exceptions.findingIdsByFingerprint(entityRef, refs);
  let unmatched = 0;
  let i = 0;
  const items = batch.exceptions.map(e => {
    const findingIds: number[] = [];
    for (const _ of e.findings) {
      const id = ids[i++];
      if (id === undefined) unmatched += 1;
      else findingIds.push(id);
    }
    const category =
      e.category && options.categories.includes(e.category)
        ? e.category
        : 'other';
    return {
      entityRef,
      scope: { type: 'findings' as const, findingIds },
      reason: e.reason.slice(0, 4000) || `Accepted in ${source}`,
      category,
      source,
      externalId: e.externalId,
      status: e.status,
      requestedBy: e.requestedBy ?? `${source}:unknown`,
      requestedAt: e.requestedAt,
      decidedBy: e.decidedBy,
      decidedAt: e.decidedAt,
      expiresAt: e.expiresAt,
      reviewAt: e.reviewAt,
      findingIds,
    };
  });
  const counts = await options.exceptions.importExceptions(
    entityRef,
    items,
    `source:${sourceId}`,
    options.now ?? new Date(),
    { complete: batch.complete, source },
  );
  return { ...counts, unmatchedFindings: unmatched };
}
