import {
  CoverageException,
  coveringException,
  effectiveState,
  exceptionCovers,
  isActiveException,
} from './coverage';

const at = new Date('2026-11-01T00:00:00Z');
const ex = (p: Partial<CoverageException>): CoverageException => ({
  id: 1,
  status: 'approved',
  scopeType: 'entity',
  ...p,
});
const f = {
  id: 7,
  category: 'dependency',
  ruleId: 'npm-advisory',
  cves: ['CVE-2026-1'],
  ghsa: 'GHSA-aaaa-bbbb-cccc',
};

describe('exception coverage', () => {
  it('is active only while approved and before its expiry', () => {
    expect(isActiveException(ex({}), at)).toBe(true);
    expect(
      isActiveException(ex({ expiresAt: '2026-11-01T00:00:00.001Z' }), at),
    ).toBe(true);
    expect(
      isActiveException(ex({ expiresAt: '2026-11-01T00:00:00.000Z' }), at),
    ).toBe(false);
    for (const status of [
      'requested',
      'rejected',
      'expired',
      'revoked',
    ] as const) {
      expect(isActiveException(ex({ status }), at)).toBe(false);
    }
  });

  it('matches each scope', () => {
    expect(
      exceptionCovers(ex({ scopeType: 'rule', scopeValue: 'cve-2026-1' }), f),
    ).toBe(true);
    expect(
      exceptionCovers(
        ex({ scopeType: 'rule', scopeValue: 'GHSA-aaaa-bbbb-cccc' }),
        f,
      ),
    ).toBe(true);
    expect(
      exceptionCovers(ex({ scopeType: 'rule', scopeValue: 'npm-advisory' }), f),
    ).toBe(true);
    expect(
      exceptionCovers(ex({ scopeType: 'rule', scopeValue: 'CVE-2026-2' }), f),
    ).toBe(false);
    expect(
      exceptionCovers(
        ex({ scopeType: 'category', scopeValue: 'dependency' }),
        f,
      ),
    ).toBe(true);
    expect(
      exceptionCovers(ex({ scopeType: 'category', scopeValue: 'code' }), f),
    ).toBe(false);
    expect(
      exceptionCovers(
        ex({ scopeType: 'findings', findingIds: new Set([7]) }),
        f,
      ),
    ).toBe(true);
    expect(
      exceptionCovers(
        ex({ scopeType: 'findings', findingIds: new Set([8]) }),
        f,
      ),
    ).toBe(false);
    expect(
      exceptionCovers(ex({ scopeType: 'findings', findingIds: new Set([7]) }), {
        ...f,
        id: undefined,
      }),
    ).toBe(false);
  });

  it('picks the narrowest active exception, oldest first on ties', () => {
    const list = [
      ex({ id: 5, scopeType: 'entity' }),
      ex({ id: 4, scopeType: 'category', scopeValue: 'dependency' }),
      ex({
        id: 3,
        scopeType: 'rule',
        scopeValue: 'CVE-2026-1',
        status: 'revoked',
      }),
      ex({ id: 9, scopeType: 'rule', scopeValue: 'CVE-2026-1' }),
      ex({ id: 8, scopeType: 'rule', scopeValue: 'npm-advisory' }),
    ];
    expect(coveringException(list, f, at)).toBe(8);
    expect(coveringException(list.slice(0, 2), f, at)).toBe(4);
    expect(coveringException([], f, at)).toBeUndefined();
  });

  it('accepts only open (or tool-accepted) findings', () => {
    expect(effectiveState('open', 3)).toEqual({
      state: 'accepted',
      exceptionId: 3,
    });
    expect(effectiveState('accepted', 3)).toEqual({
      state: 'accepted',
      exceptionId: 3,
    });
    expect(effectiveState('fixed', 3)).toEqual({
      state: 'fixed',
      exceptionId: null,
    });
    expect(effectiveState('false_positive', 3)).toEqual({
      state: 'false_positive',
      exceptionId: null,
    });
    expect(effectiveState('open', undefined)).toEqual({
      state: 'open',
      exceptionId: null,
    });
  });
});
