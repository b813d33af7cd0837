import { decisionHint } from './decisionHint';

describe('decisionHint', () => {
  const pending = {
    status: 'requested' as const,
    requestedBy: 'user:default/alice',
  };

  it('tells the requester that someone else decides', () => {
    expect(
      decisionHint(
        { ...pending, allowedActions: ['revoke'] },
        'user:default/alice',
      ),
    ).toMatch(/^You requested this exception, so someone else must approve/);
  });

  it('tells others without the approve permission who can decide', () => {
    expect(
      decisionHint({ ...pending, allowedActions: [] }, 'user:default/bob'),
    ).toMatch(/permission to approve exceptions \(aspm\.exception\.approve\)/);
  });

  it('says nothing to an approver, on decided exceptions, or without actions', () => {
    expect(
      decisionHint(
        { ...pending, allowedActions: ['approve', 'reject', 'revoke'] },
        'user:default/niaj',
      ),
    ).toBeUndefined();
    expect(
      decisionHint(
        { ...pending, status: 'approved', allowedActions: [] },
        'user:default/alice',
      ),
    ).toBeUndefined();
    expect(decisionHint(pending, 'user:default/bob')).toBeUndefined();
  });
});
