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
        parsed('fp-stays', { suppression: { kind: 'inSource', state: 'false_positive' } }),
        parsed('new-accepted', { suppression: { kind: 'external', state: 'accepted' } }),
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
