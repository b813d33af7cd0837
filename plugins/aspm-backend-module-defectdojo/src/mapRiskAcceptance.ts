/*
 * Maps one DefectDojo API v2 risk acceptance (`GET /api/v2/risk_acceptance/`)
 * to an ASPM exception of one entity (also in the package README).
 *
 * | ASPM exception | DefectDojo risk acceptance                                                      |
 * |----------------|---------------------------------------------------------------------------------|
 * | externalId     | `defectdojo:risk_acceptance:<id>`                                               |
 * | reason         | `name` — `decision_details` — the notes given as text (+ the decision when not A) |
 * | category       | `other` (DefectDojo has no category of its own)                                 |
 * | requestedBy    | `defectdojo:user:<owner>` (the owner's user id)                                 |
 * | requestedAt    | `created` (else `updated`)                                                      |
 * | decidedBy      | `accepted_by` when set (free text in DefectDojo)                                |
 * | decidedAt      | `created` (else `updated`)                                                      |
 * | expiresAt      | `expiration_date`                                                               |
 * | findings       | `accepted_findings` that are among the entity's listed findings                 |
 *
 * Status (first matching row wins):
 *
 * | DefectDojo                                                         | status   |
 * |--------------------------------------------------------------------|----------|
 * | `expiration_date_handled` set, or `expiration_date` not after now  | expired  |
 * | `decision` A (Accept), or none                                     | approved |
 * | `decision` V (Avoid), M (Mitigate), F (Fix), T (Transfer), other   | rejected |
 *
 * Only A accepts the risk; the other treatments say it is to be avoided,
 * mitigated, fixed or transferred, so they are not accepted risk.
 */
import { AspmImportedException } from '@aspm/plugin-aspm-node';
import { findingFingerprint } from './mapFinding';

/** The fields of a DefectDojo API v2 risk acceptance the mapper reads. */
export interface DefectDojoRiskAcceptance {
  id: number;
  name?: string | null;
  recommendation?: string | null;
  recommendation_details?: string | null;
  decision?: string | null;
  decision_details?: string | null;
  accepted_by?: string | null;
  owner?: number | string | { id?: number | null } | null;
  expiration_date?: string | null;
  expiration_date_warned?: string | null;
  expiration_date_handled?: string | null;
  reactivate_expired?: boolean | null;
  restart_sla_expired?: boolean | null;
  created?: string | null;
  updated?: string | null;
  accepted_findings?: Array<number | { id?: number | null }> | null;
  /** Note ids in the API (`__all__` serializer); text or `{entry}` in some versions. */
  notes?: unknown[] | null;
}

/** What the mapper needs besides the risk acceptance. */
export interface RiskAcceptanceContext {
  /** The product of the entity the exception is for. */
  productId: string;
  /** Ids of the findings submitted for the entity (duplicates excluded). */
  findingIds: ReadonlySet<number>;
  /** The tool and run key the findings were submitted under. */
  tool: string;
  runKey: string;
  /** Now, for expiry. */
  now: Date;
}

/** DefectDojo's treatment codes. */
export const DEFECTDOJO_DECISIONS: Record<string, string> = {
  A: 'Accept',
  V: 'Avoid',
  M: 'Mitigate',
  F: 'Fix',
  T: 'Transfer',
};

const MAX_TEXT = 4000;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t ? t : undefined;
}

function time(value: unknown): Date | undefined {
  const t = text(value);
  if (!t) return undefined;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function idOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  if (value && typeof value === 'object' && 'id' in value) {
    return idOf((value as { id?: unknown }).id);
  }
  return undefined;
}

/** The notes that came as text (the API usually lists note ids only). */
function noteTexts(notes: unknown): string[] {
  if (!Array.isArray(notes)) return [];
  const entryOf = (n: unknown) => {
    if (typeof n === 'string') return text(n);
    if (n && typeof n === 'object')
      return text((n as { entry?: unknown }).entry);
    return undefined;
  };
  return notes.map(entryOf).filter((n): n is string => Boolean(n));
}

/** The status of a risk acceptance, per the table at the top of this file. */
export function riskAcceptanceStatus(
  ra: DefectDojoRiskAcceptance,
  now: Date,
): 'approved' | 'rejected' | 'expired' {
  if (text(ra.expiration_date_handled)) return 'expired';
  const expires = time(ra.expiration_date);
  if (expires && expires.getTime() <= now.getTime()) return 'expired';
  const decision = text(ra.decision)?.toUpperCase();
  if (!decision || decision === 'A') return 'approved';
  return 'rejected';
}

/** The reason: name, decision details, notes given as text, and a non-accept decision. */
export function riskAcceptanceReason(ra: DefectDojoRiskAcceptance): string {
  const parts = [
    text(ra.name),
    text(ra.decision_details),
    ...noteTexts(ra.notes),
  ].filter((p): p is string => Boolean(p));
  const decision = text(ra.decision)?.toUpperCase();
  let reason = parts.length
    ? parts.join(' — ')
    : `DefectDojo risk acceptance ${ra.id}`;
  if (decision && decision !== 'A') {
    reason += ` (DefectDojo decision: ${
      DEFECTDOJO_DECISIONS[decision] ?? decision
    })`;
  }
  return reason.length <= MAX_TEXT ? reason : `${reason.slice(0, MAX_TEXT)}…`;
}

/** The ids of the findings a risk acceptance covers. */
export function acceptedFindingIds(ra: DefectDojoRiskAcceptance): number[] {
  const ids = (ra.accepted_findings ?? [])
    .map(idOf)
    .filter((id): id is number => id !== undefined);
  return [...new Set(ids)].sort((a, b) => a - b);
}

/**
 * Maps one risk acceptance to an exception of the entity whose findings are
 * `ctx.findingIds`; `undefined` when it covers none of them (it belongs to
 * another product, or only covers duplicates) or has no creation time.
 */
export function mapRiskAcceptance(
  ra: DefectDojoRiskAcceptance,
  ctx: RiskAcceptanceContext,
): AspmImportedException | undefined {
  const covered = acceptedFindingIds(ra).filter(id => ctx.findingIds.has(id));
  if (!covered.length) return undefined;
  const at = time(ra.created) ?? time(ra.updated);
  if (!at) return undefined;
  const owner = idOf(ra.owner);
  const acceptedBy = text(ra.accepted_by);
  const expiresAt = time(ra.expiration_date);
  return {
    externalId: `defectdojo:risk_acceptance:${ra.id}`,
    reason: riskAcceptanceReason(ra),
    category: 'other',
    status: riskAcceptanceStatus(ra, ctx.now),
    ...(owner !== undefined && { requestedBy: `defectdojo:user:${owner}` }),
    requestedAt: at,
    ...(acceptedBy && { decidedBy: acceptedBy }),
    decidedAt: at,
    ...(expiresAt && { expiresAt }),
    findings: covered.map(id => ({
      tool: ctx.tool,
      fingerprint: findingFingerprint(ctx.productId, id),
      runKey: ctx.runKey,
    })),
  };
}
