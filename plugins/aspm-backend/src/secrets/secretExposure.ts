import {
  SecretExposure,
  SecretRotationStatus,
  SecretValidity,
} from '@aspm/plugin-aspm-common';
import { SecretFindingRow } from '../database/ReleasesStore';

const DAY = 86_400_000;

function validityOf(v: unknown): SecretValidity {
  return v === 'active' || v === 'inactive' ? v : 'unknown';
}

function timeOf(v: unknown): Date | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/**
 * The rotation of a secret: recorded through the API, or a GitHub secret
 * scanning alert resolved as `revoked` (at its resolution time).
 */
export function rotationOf(
  row: SecretFindingRow,
): { at: Date; by: string } | undefined {
  if (row.rotation) {
    return { at: row.rotation.rotatedAt, by: row.rotation.rotatedBy };
  }
  if (row.properties.resolution === 'revoked') {
    const at = timeOf(row.properties.resolvedAt) ?? row.fixedAt;
    if (at) {
      const who = row.properties.resolvedBy;
      return { at, by: typeof who === 'string' ? `github:${who}` : 'github' };
    }
  }
  return undefined;
}

/**
 * A secret finding against its rotation deadline (detection + SLA days).
 * Deleting a secret from the code does not rotate it, so a fixed finding
 * still waits for rotation; only a false positive closes it.
 */
export function secretExposure(
  row: SecretFindingRow,
  slaDays: number,
  now: Date,
): SecretExposure {
  const deadline = new Date(row.firstSeenAt.getTime() + slaDays * DAY);
  const rotation = rotationOf(row);
  let status: SecretRotationStatus;
  if (rotation) {
    status = rotation.at <= deadline ? 'rotated-on-time' : 'rotated-late';
  } else if (row.state === 'false_positive') {
    status = 'closed';
  } else {
    status = now > deadline ? 'overdue' : 'pending';
  }
  return {
    findingId: row.findingId,
    entityRef: row.entityRef,
    title: row.title,
    ruleId: row.ruleId,
    tool: row.tool,
    state: row.state,
    detectedAt: row.firstSeenAt.toISOString(),
    validity: validityOf(row.properties.validity),
    publiclyLeaked: row.properties.publiclyLeaked === true,
    pushProtectionBypassed: row.properties.pushProtectionBypassed === true,
    rotatedAt: rotation?.at.toISOString(),
    rotatedBy: rotation?.by,
    slaDays,
    deadline: deadline.toISOString(),
    status,
    team: row.team,
    tier: row.tier,
    link: row.link,
  };
}

/** Most urgent first: overdue, then pending by deadline, then the rest. */
export function compareSecretUrgency(
  a: SecretExposure,
  b: SecretExposure,
): number {
  const rank = (s: SecretExposure) =>
    ({
      overdue: 0,
      pending: 1,
      'rotated-late': 2,
      'rotated-on-time': 3,
      closed: 4,
    }[s.status]);
  return (
    rank(a) - rank(b) ||
    a.deadline.localeCompare(b.deadline) ||
    a.findingId - b.findingId
  );
}
