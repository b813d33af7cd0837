import {
  acceptedFindingIds,
  DefectDojoRiskAcceptance,
  mapRiskAcceptance,
  riskAcceptanceReason,
  riskAcceptanceStatus,
} from './mapRiskAcceptance';
import { readSample } from './__testUtils__/sharedFixtures';

const NOW = new Date('2026-10-15T00:00:00Z');
const ctx = {
  productId: '101',
  findingIds: new Set([1002, 1005, 1011]),
  tool: 'DefectDojo',
  runKey: 'defectdojo:101',
  now: NOW,
};

const base: DefectDojoRiskAcceptance = {
  id: 12,
  name: 'Accept: weak hash',
  decision: 'A',
  decision_details: 'Only used for cache keys',
  accepted_by: 'Ana',
  owner: 2,
  expiration_date: '2027-01-01T00:00:00Z',
  expiration_date_handled: null,
  created: '2026-09-01T12:00:00Z',
  updated: '2026-09-02T12:00:00Z',
  accepted_findings: [1005],
  notes: [],
};

describe('riskAcceptanceStatus', () => {
  it.each([
    ['A', 'approved'],
    ['a', 'approved'],
    [null, 'approved'],
    [undefined, 'approved'],
    ['', 'approved'],
    ['V', 'rejected'],
    ['M', 'rejected'],
    ['F', 'rejected'],
    ['T', 'rejected'],
    ['X', 'rejected'],
  ])('decision %p, not expired: %s', (decision, status) => {
    expect(riskAcceptanceStatus({ ...base, decision }, NOW)).toBe(status);
  });

  it('is expired when DefectDojo handled the expiration, whatever the date and decision', () => {
    const handled = {
      ...base,
      expiration_date_handled: '2026-10-01T00:00:00Z',
    };
    expect(riskAcceptanceStatus(handled, NOW)).toBe('expired');
    expect(riskAcceptanceStatus({ ...handled, decision: 'V' }, NOW)).toBe(
      'expired',
    );
    expect(
      riskAcceptanceStatus({ ...handled, expiration_date: null }, NOW),
    ).toBe('expired');
  });

  it('is expired from the expiration date on, by the given clock', () => {
    const at = (iso: string) => riskAcceptanceStatus(base, new Date(iso));
    expect(at('2026-12-31T23:59:59.999Z')).toBe('approved');
    expect(at('2027-01-01T00:00:00Z')).toBe('expired');
    expect(
      riskAcceptanceStatus(
        { ...base, expiration_date: null },
        new Date('2099-01-01'),
      ),
    ).toBe('approved');
    // An unreadable date is no expiration.
    expect(
      riskAcceptanceStatus({ ...base, expiration_date: 'soon' }, NOW),
    ).toBe('approved');
  });
});

describe('riskAcceptanceReason', () => {
  it('joins the name, the decision details and the notes given as text', () => {
    expect(
      riskAcceptanceReason({
        ...base,
        notes: [41, 'Reviewed with the team', { id: 42, entry: 'WAF rule 7' }],
      }),
    ).toBe(
      'Accept: weak hash — Only used for cache keys — Reviewed with the team — WAF rule 7',
    );
    // Note ids alone (the usual API answer) add nothing.
    expect(riskAcceptanceReason({ ...base, notes: [41, 42] })).toBe(
      'Accept: weak hash — Only used for cache keys',
    );
  });

  it('names a decision that is not Accept', () => {
    expect(riskAcceptanceReason({ ...base, decision: 'T' })).toBe(
      'Accept: weak hash — Only used for cache keys (DefectDojo decision: Transfer)',
    );
    expect(riskAcceptanceReason({ ...base, decision: 'M' })).toMatch(
      /\(DefectDojo decision: Mitigate\)$/,
    );
    expect(riskAcceptanceReason({ ...base, decision: 'F' })).toMatch(
      /\(DefectDojo decision: Fix\)$/,
    );
  });

  it('falls back to the id and truncates long text', () => {
    expect(
      riskAcceptanceReason({ id: 5, name: ' ', decision_details: null }),
    ).toBe('DefectDojo risk acceptance 5');
    const long = riskAcceptanceReason({
      ...base,
      decision_details: 'x'.repeat(5000),
    });
    expect(long).toHaveLength(4001);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('mapRiskAcceptance', () => {
  it('maps every field', () => {
    expect(mapRiskAcceptance(base, ctx)).toEqual({
      externalId: 'defectdojo:risk_acceptance:12',
      reason: 'Accept: weak hash — Only used for cache keys',
      category: 'other',
      status: 'approved',
      requestedBy: 'defectdojo:user:2',
      requestedAt: new Date('2026-09-01T12:00:00Z'),
      decidedBy: 'Ana',
      decidedAt: new Date('2026-09-01T12:00:00Z'),
      expiresAt: new Date('2027-01-01T00:00:00Z'),
      findings: [
        {
          tool: 'DefectDojo',
          fingerprint: 'dd:101:1005',
          runKey: 'defectdojo:101',
        },
      ],
    });
  });

  it("covers only the entity's findings, and is skipped when it covers none", () => {
    const mixed = mapRiskAcceptance(
      { ...base, accepted_findings: [1011, 9999, { id: 1002 }, 1011] },
      ctx,
    );
    expect(mixed?.findings.map(f => f.fingerprint)).toEqual([
      'dd:101:1002',
      'dd:101:1011',
    ]);
    expect(
      mapRiskAcceptance({ ...base, accepted_findings: [9999] }, ctx),
    ).toBeUndefined();
    expect(
      mapRiskAcceptance({ ...base, accepted_findings: [] }, ctx),
    ).toBeUndefined();
    expect(
      mapRiskAcceptance({ ...base, accepted_findings: null }, ctx),
    ).toBeUndefined();
  });

  it('leaves out what DefectDojo does not say', () => {
    const e = mapRiskAcceptance(
      {
        id: 13,
        accepted_findings: [1005],
        updated: '2026-09-05T00:00:00Z',
        owner: null,
        accepted_by: '  ',
        expiration_date: null,
      },
      ctx,
    );
    expect(e).toEqual({
      externalId: 'defectdojo:risk_acceptance:13',
      reason: 'DefectDojo risk acceptance 13',
      category: 'other',
      status: 'approved',
      requestedAt: new Date('2026-09-05T00:00:00Z'),
      decidedAt: new Date('2026-09-05T00:00:00Z'),
      findings: [expect.objectContaining({ fingerprint: 'dd:101:1005' })],
    });
    // Without any time it cannot be dated: skipped.
    expect(
      mapRiskAcceptance({ id: 14, accepted_findings: [1005] }, ctx),
    ).toBeUndefined();
  });

  it('reads the finding ids in the shapes the API may use', () => {
    expect(
      acceptedFindingIds({ id: 1, accepted_findings: [3, { id: 1 }, 3, 2] }),
    ).toEqual([1, 2, 3]);
  });

  it('maps the package samples', () => {
    const samples = readSample<{ results: DefectDojoRiskAcceptance[] }>(
      'risk-acceptances.json',
    ).results;
    const mapped = samples.map(ra =>
      mapRiskAcceptance(ra, {
        ...ctx,
        findingIds: new Set([1001, 1002, 1005, 1011]),
      }),
    );
    expect(mapped.map(e => e && [e.externalId, e.status])).toEqual([
      ['defectdojo:risk_acceptance:7', 'approved'],
      ['defectdojo:risk_acceptance:8', 'expired'],
      ['defectdojo:risk_acceptance:9', 'rejected'],
      undefined,
    ]);
  });
});
