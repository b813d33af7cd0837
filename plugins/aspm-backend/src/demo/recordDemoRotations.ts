import { ReleaseService } from '../releases/ReleaseService';

const DAY = 86_400_000;
/** Demo users who rotate secrets. */
const ROTATORS = [
  'user:default/alice',
  'user:default/bob',
  'user:default/niaj',
];

/**
 * Rotations for the demo's leaked secrets, through the same service as
 * POST /findings/:id/rotation: of every three secrets, one rotated within a
 * day, one rotated late (three days after its deadline), and one left open,
 * so the Security tab shows on-time, late, pending and overdue ones.
 */
export async function recordDemoRotations(
  releases: ReleaseService,
  now: Date,
): Promise<number> {
  const secrets = await releases.secrets(
    { limit: 100_000, offset: 0 },
    undefined,
  );
  let recorded = 0;
  for (const [i, s] of secrets.items
    .slice()
    .sort((a, b) => a.findingId - b.findingId)
    .entries()) {
    if (s.rotatedAt || s.status === 'closed') continue;
    const detected = Date.parse(s.detectedAt);
    let at: number | undefined;
    if (i % 3 === 0) at = detected + DAY / 2;
    else if (i % 3 === 1) at = Date.parse(s.deadline) + 3 * DAY;
    if (at === undefined || at > now.getTime()) continue;
    await releases.recordRotation(
      s.findingId,
      {
        rotatedAt: new Date(at).toISOString(),
        note: 'Rotated in the secrets manager; old key revoked',
      },
      ROTATORS[i % ROTATORS.length],
    );
    recorded += 1;
  }
  return recorded;
}
