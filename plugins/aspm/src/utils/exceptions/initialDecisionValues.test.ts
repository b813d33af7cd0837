import {
  approvedException,
  daysFromNow,
  requestedException,
} from '../../__testUtils__/exceptionFixtures';
import { initialDecisionValues } from './initialDecisionValues';
import { toDateInput } from './toDateInput';

describe('initialDecisionValues', () => {
  it('starts an approval from the expiry asked for, capped at the latest date', () => {
    const asked = toDateInput(daysFromNow(60));
    expect(initialDecisionValues('approve', requestedException)).toEqual({
      expiresAt: asked,
      reviewAt: '',
      note: '',
    });
    expect(
      initialDecisionValues('approve', requestedException, '2000-01-01')
        .expiresAt,
    ).toBe('2000-01-01');
  });

  it('keeps the review date on renewal, and starts empty otherwise', () => {
    expect(initialDecisionValues('renew', approvedException)).toEqual({
      expiresAt: '',
      reviewAt: toDateInput(approvedException.reviewAt),
      note: '',
    });
    expect(initialDecisionValues('revoke', approvedException)).toEqual({
      expiresAt: '',
      reviewAt: '',
      note: '',
    });
  });
});
