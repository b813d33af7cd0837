/**
 * Where a leaked secret stands against its rotation deadline:
 * - `pending`: not rotated yet, the deadline is ahead;
 * - `overdue`: not rotated, the deadline has passed;
 * - `rotated-on-time` / `rotated-late`: rotated, before or after the deadline;
 * - `closed`: dismissed as a false positive (no rotation needed).
 * Removing a secret from the code does not rotate it: it stays in the
 * history, so a fixed finding is pending or overdue until rotation is
 * recorded. @public
 */
export const SECRET_ROTATION_STATUSES = [
  'pending',
  'overdue',
  'rotated-on-time',
  'rotated-late',
  'closed',
] as const;
/** @public */
export type SecretRotationStatus = (typeof SECRET_ROTATION_STATUSES)[number];

/** Whether the provider says the secret still works. @public */
export type SecretValidity = 'active' | 'inactive' | 'unknown';

/** A secret finding with its rotation tracking (GET /secrets). @public */
export interface SecretExposure {
  findingId: number;
  entityRef: string;
  title: string;
  ruleId: string;
  tool: string;
  /** The finding's state (open, fixed, …). */
  state: string;
  detectedAt: string;
  validity: SecretValidity;
  publiclyLeaked: boolean;
  pushProtectionBypassed: boolean;
  rotatedAt?: string;
  /** Who recorded the rotation, or `github` for a `revoked` resolution. */
  rotatedBy?: string;
  /** Days allowed between detection and rotation for this entity's tier. */
  slaDays: number;
  deadline: string;
  status: SecretRotationStatus;
  team?: string;
  tier?: string;
  link?: string;
}

/** Gate outcomes of release candidates in one week. @public */
export interface GateTrendWeek {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  weekStart: string;
  firstPass: number;
  passedAfterRerun: number;
  blocked: number;
}

/** GET /releases/gate-trend. @public */
export interface GateTrend {
  weeks: GateTrendWeek[];
  /** Release blocks by root cause (the gate type that failed last). */
  blockedBy: Record<string, number>;
}
