import { validateDecision } from './validateDecision';

const limits = { today: '2026-03-02', latest: '2026-05-30', maxDays: 90 };
const empty = { expiresAt: '', reviewAt: '', note: '' };

describe('validateDecision', () => {
  it('requires an expiry to approve, within the tier maximum', () => {
    expect(validateDecision('approve', empty, limits)).toEqual({
      ok: false,
      errors: { expiresAt: 'Choose an expiry date' },
    });
    const tooLate = validateDecision(
      'approve',
      { ...empty, expiresAt: '2026-05-31' },
      limits,
    );
    expect(tooLate.ok).toBe(false);
    expect(!tooLate.ok && tooLate.errors.expiresAt).toMatch(
      /^At most 90 days from now: .+ at the latest$/,
    );
    expect(
      validateDecision('renew', { ...empty, expiresAt: '2026-03-01' }, limits),
    ).toEqual({ ok: false, errors: { expiresAt: 'Must be today or later' } });
  });

  it('keeps the review date before the expiry', () => {
    expect(
      validateDecision(
        'approve',
        { ...empty, expiresAt: '2026-04-01', reviewAt: '2026-04-02' },
        limits,
      ),
    ).toEqual({
      ok: false,
      errors: { reviewAt: 'Must not be after expiresAt' },
    });
  });

  it('sends the approval without empty fields', () => {
    expect(
      validateDecision(
        'approve',
        { expiresAt: '2026-05-30', reviewAt: '', note: ' ' },
        limits,
      ),
    ).toEqual({ ok: true, body: { expiresAt: '2026-05-30' } });
    expect(
      validateDecision(
        'renew',
        { expiresAt: '2026-05-30', reviewAt: '2026-04-01', note: 'ok' },
        limits,
      ),
    ).toEqual({
      ok: true,
      body: { expiresAt: '2026-05-30', reviewAt: '2026-04-01', note: 'ok' },
    });
  });

  it('requires a note to reject or revoke', () => {
    expect(
      validateDecision('reject', { ...empty, note: '  ' }, limits),
    ).toEqual({ ok: false, errors: { note: 'Say why' } });
    expect(
      validateDecision('revoke', { ...empty, note: ' Fixed now ' }, limits),
    ).toEqual({ ok: true, body: { note: 'Fixed now' } });
  });
});
