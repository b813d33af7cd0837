import { SecretFindingRow } from '../database/ReleasesStore';
import { compareSecretUrgency, secretExposure } from './secretExposure';

const DAY = 86_400_000;
const t0 = new Date('2026-11-01T00:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

function row(patch: Partial<SecretFindingRow> = {}): SecretFindingRow {
  return {
    findingId: 1,
    entityRef: 'component:default/payments-api',
    title: 'AWS access key',
    ruleId: 'aws-access-token',
    tool: 'Gitleaks',
    state: 'open',
    firstSeenAt: t0,
    properties: {},
    ...patch,
  };
}

describe('secretExposure', () => {
  it('is pending before the deadline and overdue after it', () => {
    expect(secretExposure(row(), 7, at(6)).status).toBe('pending');
    const late = secretExposure(row({ tier: '1' }), 7, at(8));
    expect(late).toMatchObject({
      status: 'overdue',
      deadline: at(7).toISOString(),
      validity: 'unknown',
      publiclyLeaked: false,
      tier: '1',
    });
  });

  it('stays open work when the secret was only deleted from the code', () => {
    expect(
      secretExposure(row({ state: 'fixed', fixedAt: at(1) }), 7, at(9)).status,
    ).toBe('overdue');
  });

  it('is rotated on time or late by the recorded rotation', () => {
    const on = secretExposure(
      row({ rotation: { rotatedAt: at(7), rotatedBy: 'user:default/alice' } }),
      7,
      at(30),
    );
    expect(on).toMatchObject({
      status: 'rotated-on-time',
      rotatedBy: 'user:default/alice',
    });
    expect(
      secretExposure(
        row({ rotation: { rotatedAt: at(8), rotatedBy: 'x' } }),
        7,
        at(30),
      ).status,
    ).toBe('rotated-late');
  });

  it('reads a GitHub revoked resolution as a rotation, and GitHub facts', () => {
    const s = secretExposure(
      row({
        state: 'fixed',
        properties: {
          resolution: 'revoked',
          resolvedAt: at(2).toISOString(),
          resolvedBy: 'octocat',
          validity: 'inactive',
          publiclyLeaked: true,
          pushProtectionBypassed: true,
        },
      }),
      7,
      at(30),
    );
    expect(s).toMatchObject({
      status: 'rotated-on-time',
      rotatedAt: at(2).toISOString(),
      rotatedBy: 'github:octocat',
      validity: 'inactive',
      publiclyLeaked: true,
      pushProtectionBypassed: true,
    });
  });

  it('closes a false positive without rotation', () => {
    expect(
      secretExposure(row({ state: 'false_positive' }), 7, at(30)).status,
    ).toBe('closed');
  });

  it('orders overdue first, then by deadline', () => {
    const list = [
      secretExposure(row({ findingId: 1, firstSeenAt: at(5) }), 7, at(10)),
      secretExposure(row({ findingId: 2, firstSeenAt: at(0) }), 7, at(10)),
      secretExposure(row({ findingId: 3, firstSeenAt: at(4) }), 7, at(10)),
      secretExposure(
        row({
          findingId: 4,
          rotation: { rotatedAt: at(1), rotatedBy: 'x' },
        }),
        7,
        at(10),
      ),
    ].sort(compareSecretUrgency);
    expect(list.map(s => [s.findingId, s.status])).toEqual([
      [2, 'overdue'],
      [3, 'pending'],
      [1, 'pending'],
      [4, 'rotated-on-time'],
    ]);
  });
});
