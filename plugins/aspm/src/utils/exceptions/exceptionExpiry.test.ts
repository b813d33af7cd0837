import { exceptionExpiry } from './exceptionExpiry';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();

describe('exceptionExpiry', () => {
  it('highlights an approved exception expiring within the threshold', () => {
    expect(
      exceptionExpiry(
        { status: 'approved', expiresAt: day(12) },
        30,
        NOW,
        'en-US',
      ),
    ).toEqual({
      tone: 'soon',
      relative: 'in 12 days',
      date: 'Mar 14, 2026',
      days: 12,
    });
  });

  it('is ok beyond the threshold, and soon exactly at it', () => {
    const later = exceptionExpiry(
      { status: 'approved', expiresAt: day(31) },
      30,
      NOW,
      'en-US',
    );
    expect(later.tone).toBe('ok');
    expect(later.relative).toBe('in 31 days');
    expect(
      exceptionExpiry({ status: 'approved', expiresAt: day(30) }, 30, NOW).tone,
    ).toBe('soon');
    // Only approved exceptions are "expiring": a revoked one is not.
    expect(
      exceptionExpiry({ status: 'revoked', expiresAt: day(3) }, 30, NOW).tone,
    ).toBe('ok');
  });

  it('marks past expiries and expired exceptions', () => {
    expect(
      exceptionExpiry(
        { status: 'approved', expiresAt: day(-2) },
        30,
        NOW,
        'en-US',
      ),
    ).toMatchObject({ tone: 'expired', relative: '2 days ago', days: -2 });
    expect(
      exceptionExpiry({ status: 'expired', expiresAt: day(-1) }, 30, NOW, 'en')
        .relative,
    ).toBe('yesterday');
    expect(exceptionExpiry({ status: 'expired' }, 30, NOW)).toEqual({
      tone: 'expired',
    });
  });

  it('has nothing to show without an expiry', () => {
    expect(exceptionExpiry({ status: 'requested' }, 30, NOW)).toEqual({
      tone: 'none',
    });
    expect(
      exceptionExpiry({ status: 'approved', expiresAt: 'soon' }, 30, NOW),
    ).toEqual({ tone: 'none' });
  });

  it('speaks the given locale', () => {
    expect(
      exceptionExpiry({ status: 'approved', expiresAt: day(12) }, 30, NOW, 'de')
        .relative,
    ).toBe('in 12 Tagen');
  });
});
