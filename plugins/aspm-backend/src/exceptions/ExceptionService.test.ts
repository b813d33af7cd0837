import { AspmException } from '@aspm/plugin-aspm-common';
import { ExceptionService } from './ExceptionService';

const base: AspmException = {
  id: 1,
  entityRef: 'component:default/x',
  scope: { type: 'entity' },
  reason: 'r'.repeat(12),
  category: 'other',
  status: 'requested',
  source: 'manual',
  requestedBy: 'service:external:pipeline-a',
  requestedAt: '2026-11-01T00:00:00.000Z',
  renewals: 0,
  coveredFindings: 0,
};

describe('ExceptionService.allowedActions', () => {
  const service = new ExceptionService({
    exceptions: {} as any,
    store: {} as any,
    config: {
      categories: ['other'],
      maxDaysByTier: { default: 365 },
      expiringSoonDays: 30,
      expirySchedule: { frequency: { minutes: 15 }, timeout: { minutes: 1 } },
    },
  });

  it('treats two service tokens with different subjects as two actors', () => {
    expect(
      service.allowedActions(base, {
        actor: 'service:external:pipeline-b',
        canApprove: true,
      }),
    ).toEqual(['approve', 'reject', 'revoke']);
    expect(
      service.allowedActions(base, {
        actor: 'service:external:pipeline-a',
        canApprove: true,
      }),
    ).toEqual(['revoke']);
  });

  it('offers each status only its transitions', () => {
    const approver = { actor: 'user:default/sam', canApprove: true };
    const plain = { actor: 'user:default/bob', canApprove: false };
    expect(
      service.allowedActions({ ...base, status: 'approved' }, approver),
    ).toEqual(['revoke', 'renew']);
    expect(
      service.allowedActions({ ...base, status: 'expired' }, approver),
    ).toEqual(['renew']);
    expect(
      service.allowedActions({ ...base, status: 'rejected' }, approver),
    ).toEqual([]);
    expect(
      service.allowedActions({ ...base, status: 'revoked' }, approver),
    ).toEqual([]);
    expect(service.allowedActions(base, plain)).toEqual([]);
  });
});
