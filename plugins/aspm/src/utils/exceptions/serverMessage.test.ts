import { requestFieldOfPath } from './requestFieldOfPath';
import { splitServerMessage } from './splitServerMessage';

describe('server messages', () => {
  it('splits "field: message" and maps the field to the form', () => {
    const split = splitServerMessage(
      'expiresAt: must be at most 90 days from now for a tier 1 entity',
    );
    expect(split).toEqual({
      path: ['expiresAt'],
      text: 'must be at most 90 days from now for a tier 1 entity',
    });
    expect(requestFieldOfPath(split!.path)).toBe('expiresAt');
    expect(
      requestFieldOfPath(
        splitServerMessage('scope.findingIds: 9 is not a finding')!.path,
      ),
    ).toBe('scopeType');
    expect(requestFieldOfPath(['compensatingControl', 'link'])).toBe(
      'controlLink',
    );
  });

  it('leaves messages without a field alone', () => {
    expect(
      splitServerMessage(
        'You requested this exception; someone else must approve it',
      ),
    ).toBeUndefined();
    expect(requestFieldOfPath(['entityRef'])).toBeUndefined();
  });
});
