import { formatDate } from '../format';
import { rotationDeadlineText } from './rotationDeadlineText';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW + days * DAY).toISOString();
/** The day of `at(days)` in the user's time zone. */
const dayOf = (days: number, locale = 'en-US') => formatDate(at(days), locale);

describe('rotationDeadlineText', () => {
  it('counts down to the deadline of a pending secret', () => {
    expect(
      rotationDeadlineText(
        { status: 'pending', deadline: at(3) },
        NOW,
        'en-US',
      ),
    ).toEqual({ text: 'due in 3 days', tone: 'due', deadline: dayOf(3) });
    expect(
      rotationDeadlineText({ status: 'pending', deadline: at(1) }, NOW).text,
    ).toBe('due in 1 day');
    expect(
      rotationDeadlineText({ status: 'pending', deadline: at(0.25) }, NOW).text,
    ).toBe('due in less than a day');
    // A few milliseconds do not lose a day.
    expect(
      rotationDeadlineText({ status: 'pending', deadline: at(3) }, NOW + 50)
        .text,
    ).toBe('due in 3 days');
  });

  it('counts the days past the deadline', () => {
    expect(
      rotationDeadlineText(
        { status: 'overdue', deadline: at(-4) },
        NOW,
        'en-US',
      ),
    ).toEqual({
      text: '4 days overdue',
      tone: 'overdue',
      deadline: dayOf(-4),
    });
    expect(
      rotationDeadlineText({ status: 'overdue', deadline: at(-0.1) }, NOW).text,
    ).toBe('less than a day overdue');
    // The page stayed open past the deadline.
    expect(
      rotationDeadlineText({ status: 'pending', deadline: at(-1) }, NOW).tone,
    ).toBe('overdue');
  });

  it('says how late a rotation was', () => {
    expect(
      rotationDeadlineText(
        { status: 'rotated-late', deadline: at(-5), rotatedAt: at(-3) },
        NOW,
        'en-US',
      ),
    ).toEqual({
      text: 'rotated 2 days late',
      tone: 'late',
      deadline: dayOf(-5),
      rotated: dayOf(-3),
    });
    expect(
      rotationDeadlineText(
        { status: 'rotated-on-time', deadline: at(-5), rotatedAt: at(-9) },
        NOW,
      ),
    ).toMatchObject({ text: 'rotated on time', tone: 'done' });
    expect(
      rotationDeadlineText({ status: 'closed', deadline: at(-5) }, NOW).text,
    ).toBe('no rotation needed');
  });

  it('writes dates in the given locale', () => {
    expect(
      rotationDeadlineText({ status: 'pending', deadline: at(3) }, NOW, 'de')
        .deadline,
    ).toBe(dayOf(3, 'de'));
    expect(dayOf(3, 'de')).toMatch(/^\d{2}\.03\.2026$/);
  });
});
