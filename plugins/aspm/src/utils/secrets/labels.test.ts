import { awaitsRotation, secretStatusDisplay } from './secretStatusDisplay';
import { secretValidityDisplay } from './secretValidityDisplay';

describe('secret labels', () => {
  it('labels rotation statuses with a colour', () => {
    expect(secretStatusDisplay('overdue')).toEqual({
      label: 'Overdue',
      severity: 'error',
    });
    expect(secretStatusDisplay('pending')).toEqual({
      label: 'Rotation pending',
      severity: 'warning',
    });
    expect(secretStatusDisplay('rotated-on-time').severity).toBe('ok');
    expect(secretStatusDisplay('rotated-late').label).toBe('Rotated late');
    expect(secretStatusDisplay('closed').severity).toBe('neutral');
  });

  it('offers a rotation only for secrets not rotated nor dismissed', () => {
    expect(awaitsRotation('pending')).toBe(true);
    expect(awaitsRotation('overdue')).toBe(true);
    expect(awaitsRotation('rotated-late')).toBe(false);
    expect(awaitsRotation('closed')).toBe(false);
  });

  it('flags a secret that still works', () => {
    expect(secretValidityDisplay('active')).toEqual({
      label: 'Active',
      severity: 'error',
    });
    expect(secretValidityDisplay('unknown').label).toBe('Unknown');
  });
});
