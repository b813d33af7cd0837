import { Knex } from 'knex';
import { chunk } from '../util/chunk';
import { toIso } from '../util/time';
import {
  CoverageException,
  coveringException,
  effectiveState,
} from '../exceptions/coverage';
import { bulkInsert } from './bulkInsert';

/** The entity's approved exceptions, with the finding ids of findings-scoped ones. */
export async function loadApprovedExceptions(
  tx: Knex | Knex.Transaction,
  entityRef: string,
): Promise<CoverageException[]> {
  const rows = await tx('aspm_exceptions')
    .where({ entity_ref: entityRef, status: 'approved' })
    .select('id', 'status', 'scope_type', 'scope_value', 'expires_at');
  if (!rows.length) return [];
  const links = await tx('aspm_exception_findings')
    .whereIn(
      'exception_id',
      rows.filter(r => r.scope_type === 'findings').map(r => r.id),
    )
    .select('exception_id', 'finding_id');
  const byException = new Map<number, Set<number>>();
  for (const l of links) {
    const id = Number(l.exception_id);
    if (!byException.has(id)) byException.set(id, new Set());
    byException.get(id)!.add(Number(l.finding_id));
  }
  return rows.map(r => ({
    id: Number(r.id),
    status: r.status,
    scopeType: r.scope_type,
    scopeValue: r.scope_value ?? undefined,
    expiresAt: toIso(r.expires_at),
    findingIds: byException.get(Number(r.id)),
  }));
}

/**
 * Re-evaluates which of the entity's findings are accepted through an
 * exception at `at`, inside the caller's transaction. An open finding an
 * active exception covers becomes `accepted` (event `accepted`); one no longer
 * covered is open again (event `exception_ended`). Findings the tool itself
 * accepted only get linked or unlinked. Returns how many changed state.
 */
export async function recomputeCoverage(
  tx: Knex.Transaction,
  entityRef: string,
  at: Date,
): Promise<number> {
  const exceptions = await loadApprovedExceptions(tx, entityRef);
  const q = tx('aspm_findings')
    .where({ entity_ref: entityRef })
    .select(
      'id',
      'base_state',
      'state',
      'exception_id',
      'category',
      'rule_id',
      'cves',
      'ghsa',
    );
  if (exceptions.length) {
    q.where(b =>
      b
        .whereIn('base_state', ['open', 'accepted'])
        .orWhereNotNull('exception_id'),
    );
  } else {
    q.whereNotNull('exception_id');
  }
  const rows = await q;
  if (!rows.length) return 0;

  const iso = at.toISOString();
  const changes = new Map<string, number[]>();
  const events: Record<string, unknown>[] = [];
  let changedState = 0;
  for (const r of rows) {
    const current = r.exception_id === null ? null : Number(r.exception_id);
    const covering = coveringException(
      exceptions,
      {
        id: Number(r.id),
        category: r.category,
        ruleId: r.rule_id,
        cves: r.cves ? (JSON.parse(r.cves) as string[]) : undefined,
        ghsa: r.ghsa ?? undefined,
      },
      at,
    );
    const next = effectiveState(r.base_state ?? r.state, covering);
    if (next.state === r.state && next.exceptionId === current) continue;
    const key = `${next.state}|${next.exceptionId ?? ''}`;
    if (!changes.has(key)) changes.set(key, []);
    changes.get(key)!.push(Number(r.id));
    if (next.state !== r.state) {
      changedState += 1;
      events.push({
        finding_id: Number(r.id),
        type: next.state === 'accepted' ? 'accepted' : 'exception_ended',
        at: iso,
        scan_id: null,
        from_value: next.state === 'accepted' ? r.state : String(current ?? ''),
        to_value:
          next.state === 'accepted' ? String(next.exceptionId) : next.state,
      });
    }
  }
  for (const [key, ids] of changes) {
    const [state, exceptionId] = key.split('|');
    for (const part of chunk(ids, 500)) {
      await tx('aspm_findings')
        .whereIn('id', part)
        .update({
          state,
          exception_id: exceptionId ? Number(exceptionId) : null,
        });
    }
  }
  if (events.length) await bulkInsert(tx, 'aspm_finding_events', events);
  return changedState;
}
