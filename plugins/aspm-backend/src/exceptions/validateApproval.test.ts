import { validateApproval } from './validateApproval';
import { endOfDayUtc } from '../util/time';

const now = new Date('2026-11-01T12:00:00Z');
const maxDaysByTier = { '1': 90, '2': 180, default: 365 };
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('validateApproval', () => {
  it('accepts an expiry within the tier maximum', () => {
    expect(() =>
      validateApproval({ expiresAt: days(90), now, tier: '1', maxDaysByTier }),
    ).not.toThrow();
    expect(() =>
      validateApproval({ expiresAt: days(300), now, maxDaysByTier }),
    ).not.toThrow();
  });
  it('refuses an expiry beyond the tier maximum, naming the limit', () => {
    expect(() =>
      validateApproval({ expiresAt: days(91), now, tier: '1', maxDaysByTier }),
    ).toThrow(
      'expiresAt: must be at most 90 days from now for a tier 1 entity (latest 2027-01-30)',
    );
    expect(() =>
      validateApproval({ expiresAt: days(181), now, tier: '2', maxDaysByTier }),
    ).toThrow(/180 days/);
    expect(() =>
      validateApproval({ expiresAt: days(366), now, tier: '3', maxDaysByTier }),
    ).toThrow(/365 days.*tier 3/);
  });
  it('refuses past dates and a review after the expiry', () => {
    expect(() =>
      validateApproval({ expiresAt: days(-1), now, maxDaysByTier }),
    ).toThrow(/expiresAt: must be in the future/);
    expect(() =>
      validateApproval({
        expiresAt: days(30),
        reviewAt: days(31),
        now,
        maxDaysByTier,
      }),
    ).toThrow(/reviewAt: must not be after expiresAt/);
    expect(() =>
      validateApproval({
        expiresAt: days(30),
        reviewAt: days(-2),
        now,
        maxDaysByTier,
      }),
    ).toThrow(/reviewAt: must be in the future/);
  });
  it('reads a calendar date as the end of that day (UTC)', () => {
    expect(endOfDayUtc('2026-12-24').toISOString()).toBe(
      '2026-12-24T23:59:59.999Z',
    );
    expect(endOfDayUtc('2026-12-24T08:00:00Z').toISOString()).toBe(
      '2026-12-24T08:00:00.000Z',
    );
  });
});
