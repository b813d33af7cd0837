import { decisionLimits } from './decisionLimits';
import { latestExpiryDate } from './latestExpiryDate';
import { maxExpiryDays } from './maxExpiryDays';

const policy = { maxDaysByTier: { '1': 90, '2': 180, default: 365 } };

describe('latestExpiryDate', () => {
  it('is the day before the limit when the limit is not the end of a day', () => {
    // now + 90 days = 2026-05-31T10:00Z; 2026-05-31 would mean 23:59:59.999Z,
    // past the limit.
    expect(latestExpiryDate(Date.parse('2026-03-02T10:00:00Z'), 90)).toBe(
      '2026-05-30',
    );
  });

  it('is the day of the limit when the limit ends that day', () => {
    expect(latestExpiryDate(Date.parse('2026-03-02T23:59:59.999Z'), 90)).toBe(
      '2026-05-31',
    );
  });
});

describe('maxExpiryDays', () => {
  it("takes the tier's maximum, or the default", () => {
    expect(maxExpiryDays(policy, '1')).toBe(90);
    expect(maxExpiryDays(policy, '3')).toBe(365);
    expect(maxExpiryDays(policy, undefined)).toBe(365);
    expect(maxExpiryDays({ maxDaysByTier: {} }, '1')).toBeUndefined();
  });
});

describe('decisionLimits', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');

  it('states the maximum of the tier with the latest date', () => {
    const limits = decisionLimits(policy, '1', now);
    expect(limits).toMatchObject({
      today: '2026-03-02',
      latest: '2026-05-30',
      maxDays: 90,
    });
    expect(limits.hint).toMatch(
      /^At most 90 days for a Tier 1 entity: .+ at the latest\.$/,
    );
    expect(decisionLimits(policy, undefined, now).hint).toMatch(
      /^At most 365 days for an untiered entity/,
    );
  });

  it('only knows today without a policy', () => {
    expect(decisionLimits(undefined, '1', now)).toEqual({
      today: '2026-03-02',
    });
  });
});
