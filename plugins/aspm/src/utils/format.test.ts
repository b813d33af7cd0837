import {
  NO_VALUE,
  exposureLabel,
  formatCount,
  formatDate,
  formatDateTime,
  formatPercent,
  nounForKinds,
  ownerResolutionLabel,
  ownerResolutionSeverity,
  tierLabel,
} from './format';

describe('formatPercent', () => {
  it('formats a ratio with one decimal', () => {
    expect(formatPercent(0.925, 'en-US')).toBe('92.5%');
    expect(formatPercent(10 / 11, 'en-US')).toBe('90.9%');
    expect(formatPercent(1, 'en-US')).toBe('100.0%');
    expect(formatPercent(0, 'en-US')).toBe('0.0%');
  });

  it('follows the locale', () => {
    expect(formatPercent(0.925, 'de-DE')).toBe('92,5\u00a0%');
  });

  it('shows a dash for an unknown ratio', () => {
    expect(formatPercent(undefined)).toBe(NO_VALUE);
    expect(formatPercent(NaN)).toBe(NO_VALUE);
  });
});

describe('formatDateTime', () => {
  it('formats date and time in the given locale', () => {
    const iso = '2026-03-02T09:14:03.000Z';
    expect(formatDateTime(iso, 'en-US')).toBe(
      new Date(iso).toLocaleString('en-US', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    );
    expect(formatDateTime(iso, 'en-US')).toMatch(/Mar 2, 2026/);
  });

  it('shows a dash for missing or invalid timestamps', () => {
    expect(formatDateTime(undefined)).toBe(NO_VALUE);
    expect(formatDateTime('not a date')).toBe(NO_VALUE);
  });
});

describe('formatCount', () => {
  it('says how many of how many', () => {
    expect(formatCount(37, 40)).toBe('37 of 40 components');
    expect(formatCount(1, 1)).toBe('1 of 1 component');
    expect(formatCount(1200, 1500, nounForKinds(['System']), 'en-US')).toBe(
      '1,200 of 1,500 systems',
    );
    expect(formatCount(2, 3, nounForKinds(['Component', 'System']))).toBe(
      '2 of 3 entities',
    );
  });
});

describe('labels', () => {
  it('labels owner resolutions and rates them', () => {
    expect(ownerResolutionLabel('group')).toBe('Owned by a group');
    expect(ownerResolutionLabel('dangling')).toBe('Owner not in catalog');
    expect(ownerResolutionLabel('missing')).toBe('No owner');
    expect(ownerResolutionSeverity('group')).toBe('ok');
    expect(ownerResolutionSeverity('user-in-team')).toBe('ok');
    expect(ownerResolutionSeverity('user-without-team')).toBe('warning');
    expect(ownerResolutionSeverity('dangling')).toBe('error');
    expect(ownerResolutionSeverity('missing')).toBe('error');
  });

  it('labels tiers and exposure', () => {
    expect(tierLabel('1')).toBe('Tier 1');
    expect(tierLabel('1', { long: true })).toBe('Tier 1 (business-critical)');
    expect(tierLabel(undefined)).toBe('Untiered');
    expect(exposureLabel('internet')).toBe('Internet-facing');
    expect(exposureLabel(undefined)).toBe('Exposure unknown');
  });
});

describe('formatDate', () => {
  it('formats the date in the given locale', () => {
    const iso = '2026-03-02T09:14:03.000Z';
    expect(formatDate(iso, 'en-US')).toBe('Mar 2, 2026');
    expect(formatDate(iso, 'de-DE')).toBe('02.03.2026');
    expect(formatDate(undefined)).toBe(NO_VALUE);
    expect(formatDate('nope')).toBe(NO_VALUE);
  });
});
