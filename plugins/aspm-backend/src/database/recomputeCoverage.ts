import { Knex } from 'knex';
import { chunk } from '../util/chunk';
import { toIso } from '../util/time';
import {
  CoverageException,
  coveringException,
  effectiveState,
} from '../exceptions/coverage';
import { bulkInsert } from './bulkInsert';

/**
 * The entity's approved exceptions, with the finding ids of findings-scoped
 * ones: one query (each exception's row once per finding it lists).
 */
export async function loadApprovedExceptions(
  tx: Knex | Knex.Transaction,
  entityRef: string,
): Promise<CoverageException[]> {
  const rows = await tx('aspm_exceptions as e')
    .leftJoin('aspm_exception_findings as l', 'l.exception_id', 'e.id')
    .where({ 'e.entity_ref': entityRef, 'e.status': 'approved' })
    .select(
      'e.id',
      'e.status',
      'e.scope_type',
      'e.scope_value',
      'e.expires_at',
      'l.finding_id',
    )
    .orderBy('e.id');
  const byId = new Map<
    number,
    CoverageException & { findingIds?: Set<number> }
  >();
  for (const r of rows) {
    const id = Number(r.id);
    let e = byId.get(id);
    if (!e) {
      e = {
        id,
        status: r.status,
        scopeType: r.scope_type,
        scopeValue: r.scope_value ?? undefined,
        expiresAt: toIso(r.expires_at),
      };
      byId.set(id, e);
    }
    if (r.finding_id !== null && r.finding_id !== undefined) {
      (e.findingIds ??= new Set()).add(Number(r.finding_id));
    }
  }
  return [...byId.values()];
}

/** A finding as coverage reads it: its row's columns. */
export interface CoverageRow {
  id: number;
  base_state: string | null;
  state: string;
  exception_id: number | null;
  category: string;
  rule_id: string;
  /** JSON array text, as stored. */
  cves: string | null;
  ghsa: string | null;
}

/** The state and link changes coverage makes, and their events. */
export interface CoveragePlan {
  /** Finding ids by their new `state|exception_id`. */
  changes: Map<string, number[]>;
  events: Record<string, unknown>[];
  /** How many findings change state (not only their link). */
  changedState: number;
}

/**
 * Which of the findings change state or link when the exceptions are
 * evaluated at `at` (pure): an open finding an active exception covers becomes
 * `accepted` (event `accepted`); one no longer covered is open again (event
 * `exception_ended`); findings the tool itself accepted only get linked or
 * unlinked.
 */
export function planCoverage(
  exceptions: readonly CoverageException[],
  rows: readonly CoverageRow[],
  at: Date,
): CoveragePlan {
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
  return { changes, events, changedState };
}

/** Writes a {@link CoveragePlan} in the caller's transaction. */
export async function applyCoverage(
  tx: Knex.Transaction,
  plan: CoveragePlan,
): Promise<number> {
  for (const [key, ids] of plan.changes) {
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
  if (plan.events.length) {
    await bulkInsert(tx, 'aspm_finding_events', plan.events);
  }
  return plan.changedState;
}

/**
 * Re-evaluates which of the entity's findings are accepted through an
 * exception at `at`, inside the caller's transaction (see
 * {@link planCoverage}). Returns how many changed state. `exceptions`: the
 * entity's approved ones when the caller has just read them.
 */
export async function recomputeCoverage(
  tx: Knex.Transaction,
  entityRef: string,
  at: Date,
  exceptions?: CoverageException[],
): Promise<number> {
  const approved = exceptions ?? (await loadApprovedExceptions(tx, entityRef));
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
  if (approved.length) {
    q.where(b =>
      b
        .whereIn('base_state', ['open', 'accepted'])
        .orWhereNotNull('exception_id'),
    );
  } else {
    q.whereNotNull('exception_id');
  }
  const rows: CoverageRow[] = await q;
  if (!rows.length) return 0;
  return applyCoverage(tx, planCoverage(approved, rows, at));
}
