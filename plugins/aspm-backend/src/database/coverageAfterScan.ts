import { Knex } from 'knex';
import { isActiveException } from '../exceptions/coverage';
import {
  applyCoverage,
  CoverageRow,
  loadApprovedExceptions,
  planCoverage,
  recomputeCoverage,
} from './recomputeCoverage';

/**
 * Exception coverage after a scan has written its findings, in the scan's
 * transaction; answers how many findings changed state.
 *
 * Coverage is right after every change to the entity's exceptions (each one
 * recomputes it) and after every scan, so a scan can change it only through
 * the findings it inserts or updates (`written`, as they now are in the
 * table): only those are evaluated, from memory, without reading the
 * entity's findings again. Two things break that premise, and then every
 * finding of the entity is evaluated, as {@link recomputeCoverage} does: an
 * approved exception has lapsed by the scan's time (the expiry job has not
 * run yet), or a finding under the scanned key is linked (`linkedTo`) to an
 * exception that is not approved and active.
 */
export async function coverageAfterScan(
  tx: Knex.Transaction,
  entityRef: string,
  at: Date,
  written: readonly CoverageRow[],
  linkedTo: Iterable<number>,
): Promise<number> {
  const exceptions = await loadApprovedExceptions(tx, entityRef);
  const links = new Set(linkedTo);
  if (!exceptions.length && !links.size) return 0;
  const active = new Set(
    exceptions.filter(e => isActiveException(e, at)).map(e => e.id),
  );
  const settled =
    active.size === exceptions.length && [...links].every(id => active.has(id));
  if (!settled) return recomputeCoverage(tx, entityRef, at, exceptions);
  if (!written.length) return 0;
  return applyCoverage(tx, planCoverage(exceptions, written, at));
}
