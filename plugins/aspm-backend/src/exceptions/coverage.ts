import { ExceptionScopeType, ExceptionStatus } from '@aspm/plugin-aspm-common';

/** What coverage needs to know of an exception. */
export interface CoverageException {
  id: number;
  status: ExceptionStatus;
  scopeType: ExceptionScopeType;
  scopeValue?: string;
  expiresAt?: string;
  /** For `findings` scope: the covered finding ids. */
  findingIds?: ReadonlySet<number>;
}

/** What coverage needs to know of a finding. */
export interface CoverageFinding {
  id?: number;
  category: string;
  ruleId: string;
  cves?: readonly string[];
  ghsa?: string;
}

/** Narrower scopes win. */
const SCOPE_RANK: Record<ExceptionScopeType, number> = {
  findings: 0,
  rule: 1,
  category: 2,
  entity: 3,
};

/** Approved and not past its expiry (no expiry: active until revoked). */
export function isActiveException(
  e: Pick<CoverageException, 'status' | 'expiresAt'>,
  at: Date,
): boolean {
  if (e.status !== 'approved') return false;
  return e.expiresAt === undefined || Date.parse(e.expiresAt) > at.getTime();
}

/** Whether the exception's scope includes the finding (same entity assumed). */
export function exceptionCovers(
  e: CoverageException,
  f: CoverageFinding,
): boolean {
  switch (e.scopeType) {
    case 'entity':
      return true;
    case 'category':
      return f.category === e.scopeValue;
    case 'rule': {
      const want = (e.scopeValue ?? '').toLowerCase();
      if (!want) return false;
      return (
        f.ruleId.toLowerCase() === want ||
        f.ghsa?.toLowerCase() === want ||
        (f.cves ?? []).some(c => c.toLowerCase() === want)
      );
    }
    case 'findings':
      return f.id !== undefined && Boolean(e.findingIds?.has(f.id));
    default:
      return false;
  }
}

/**
 * The exception that covers a finding now: the narrowest active one (specific
 * findings, then rule, then category, then entity), the oldest id on ties, so
 * the answer is stable.
 */
export function coveringException(
  exceptions: readonly CoverageException[],
  f: CoverageFinding,
  at: Date,
): number | undefined {
  let best: CoverageException | undefined;
  for (const e of exceptions) {
    if (!isActiveException(e, at) || !exceptionCovers(e, f)) continue;
    if (
      !best ||
      SCOPE_RANK[e.scopeType] < SCOPE_RANK[best.scopeType] ||
      (SCOPE_RANK[e.scopeType] === SCOPE_RANK[best.scopeType] && e.id < best.id)
    ) {
      best = e;
    }
  }
  return best?.id;
}

/**
 * The effective state of a finding from what the scan reported and whether an
 * exception covers it: only open findings become `accepted`; fixed and
 * false-positive ones stay as they are, and ones the tool already accepted stay
 * accepted (the exception is linked to them).
 */
export function effectiveState(
  baseState: string,
  exceptionId: number | undefined,
): { state: string; exceptionId: number | null } {
  if (exceptionId === undefined) return { state: baseState, exceptionId: null };
  if (baseState === 'open') return { state: 'accepted', exceptionId };
  if (baseState === 'accepted') return { state: 'accepted', exceptionId };
  return { state: baseState, exceptionId: null };
}
