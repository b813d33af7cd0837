import { localDateInput } from './localDateInput';
import { rotationTimestamp } from './rotationTimestamp';

// Noon local time, so that neighbouring days stay on the calendar.
const NOW = new Date(2026, 2, 10, 12, 0, 0).getTime();
const localMidnight = (day: number) => new Date(2026, 2, day).toISOString();

describe('localDateInput', () => {
  it('is the day on the user’s calendar', () => {
    expect(localDateInput(NOW)).toBe('2026-03-10');
    expect(localDateInput(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDateInput('nonsense')).toBe('');
  });
});

describe('rotationTimestamp', () => {
  const detectedAt = new Date(2026, 2, 3, 15, 30).toISOString();

  it('sends nothing for today: the server records the time of the request', () => {
    expect(rotationTimestamp('2026-03-10', detectedAt, NOW)).toEqual({
      ok: true,
    });
  });

  it('sends the local midnight of an earlier day', () => {
    expect(rotationTimestamp('2026-03-05', detectedAt, NOW)).toEqual({
      ok: true,
      rotatedAt: localMidnight(5),
    });
  });

  it('sends the detection time for the day of detection', () => {
    expect(rotationTimestamp('2026-03-03', detectedAt, NOW)).toEqual({
      ok: true,
      rotatedAt: detectedAt,
    });
  });

  it('refuses the future, a day before detection and no day', () => {
    expect(rotationTimestamp('2026-03-11', detectedAt, NOW)).toEqual({
      ok: false,
      error: 'The rotation cannot be in the future',
    });
    const before = rotationTimestamp('2026-03-02', detectedAt, NOW, 'en-US');
    expect(before).toEqual({
      ok: false,
      error:
        'The secret was detected on Mar 3, 2026: it cannot have been rotated before',
    });
    expect(rotationTimestamp('', detectedAt, NOW)).toEqual({
      ok: false,
      error: 'Pick the day of the rotation',
    });
  });
});
