import { ParsedFinding } from '@aspm/plugin-aspm-common';
import { KnownFinding, planScan } from './planScan';

const parsed = (fingerprint: string, patch: Partial<ParsedFinding> = {}) => ({
  finding: {
    category: 'code' as const,
    ruleId: 'r',
    title: 't',
    severity: 'high' as const,
    fingerprint,
    ...patch,
  },
  contentHash: `h-${fingerprint}`,
});
const known = (
  id: number,
  fingerprint: string,
  patch: Partial<KnownFinding> = {},
): KnownFinding => ({
  id,
  fingerprint,
  state: 'open',
  severity: 'high',
  contentHash: `h-${fingerprint}`,
  ...patch,
});

describe('planScan', () => {
  it('classifies every case once', () => {
    const plan = planScan(
      [
        known(1, 'same'),
        known(2, 'gone'),
        known(3, 'back', { state: 'fixed' }),
        known(4, 'changed', { contentHash: 'old' }),
        known(5, 'fp-stays', { state: 'false_positive' }),
        known(6, 'fp-absent', { state: 'false_positive' }),
        known(7, 'was-fixed-absent', { state: 'fixed' }),
      ],
      [
        parsed('same'),
        parsed('back'),
        parsed('changed'),
        parsed('new'),
        parsed('new'),
        parsed('fp-stays', {
          suppression: { kind: 'inSource', state: 'false_positive' },
        }),
        parsed('new-accepted', {
          suppression: { kind: 'external', state: 'accepted' },
        }),
      ],
    );
    expect(plan.counts).toEqual({
      received: 7,
      duplicate: 1,
      new: 1,
      unchanged: 2,
      fixed: 1,
      reopened: 1,
      suppressed: 2,
      unsuppressed: 0,
    });
    expect(plan.touched).toEqual([1, 5]);
    expect(plan.updates.map(u => [u.id, u.reopened])).toEqual([
      [3, true],
      [4, false],
    ]);
    expect(plan.fixed).toEqual([2]);
    expect(plan.inserts.map(i => [i.finding.fingerprint, i.state])).toEqual([
      ['new', 'open'],
      ['new-accepted', 'accepted'],
    ]);
    expect(plan.events.map(e => e.type).sort()).toEqual(
      ['fixed', 'opened', 'reopened', 'suppressed'].sort(),
    );
  });

  it('an empty scan fixes every open finding and nothing else', () => {
    const plan = planScan(
      [known(1, 'a'), known(2, 'b', { state: 'accepted' })],
      [],
    );
    expect(plan.fixed).toEqual([1]);
    expect(plan.counts.fixed).toBe(1);
  });
});

describe('planScan with states reported by a pull source', () => {
  const src = (
    fingerprint: string,
    sourceState: NonNullable<ParsedFinding['sourceState']>,
  ) => parsed(fingerprint, { sourceState });

  it('takes fixed, dismissed and created times from the source', () => {
    const plan = planScan(
      [known(1, 'open-now-fixed'), known(2, 'absent')],
      [
        src('open-now-fixed', {
          state: 'fixed',
          changedAt: '2026-03-01T00:00:00Z',
        }),
        src('new-and-open', {
          state: 'open',
          firstSeenAt: '2026-01-05T10:00:00Z',
        }),
        src('new-already-fixed', {
          state: 'fixed',
          firstSeenAt: '2026-01-01T00:00:00Z',
          changedAt: '2026-02-01T00:00:00Z',
        }),
        src('new-dismissed', {
          state: 'false_positive',
          changedAt: '2026-02-02T00:00:00Z',
          reason: 'used in tests',
        }),
      ],
    );
    expect(plan.counts).toMatchObject({ new: 1, fixed: 3, suppressed: 1 });
    expect(plan.updates).toEqual([
      expect.objectContaining({
        id: 1,
        state: 'fixed',
        fixedAt: '2026-03-01T00:00:00.000Z',
      }),
    ]);
    expect(plan.fixed).toEqual([2]);
    expect(
      plan.inserts.map(i => [
        i.finding.fingerprint,
        i.state,
        i.firstSeenAt,
        i.fixedAt,
      ]),
    ).toEqual([
      ['new-and-open', 'open', '2026-01-05T10:00:00.000Z', undefined],
      [
        'new-already-fixed',
        'fixed',
        '2026-01-01T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
      ],
      ['new-dismissed', 'false_positive', undefined, undefined],
    ]);
    const fixedEvents = plan.events
      .filter(e => e.type === 'fixed')
      .map(e => e.at);
    expect(fixedEvents).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      undefined,
    ]);
  });
});
