import { requestFormValues } from './requestFormValues';
import { requestPrefillOfFinding } from './requestPrefillOfFinding';
import { validateExceptionRequest } from './validateExceptionRequest';

const REF = 'component:default/payments-api';
const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('validateExceptionRequest', () => {
  it('reports every missing field of an empty form, per field', () => {
    const result = validateExceptionRequest(requestFormValues(), REF, NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        rule: 'Name the rule id, CVE or GHSA',
        category: 'Choose a category',
        reason: 'Say why, in at least 10 characters',
      },
    });
  });

  it('checks the compensating control link and the order of the dates', () => {
    const result = validateExceptionRequest(
      {
        ...requestFormValues({ findingIds: [1] }),
        category: 'platform-gap',
        reason: 'Patched build ships next quarter',
        expiresAt: '2026-04-01',
        reviewAt: '2026-05-01',
        controlLink: 'wiki page',
      },
      REF,
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        reviewAt: 'Must not be after expiresAt',
        controlText: 'Describe the control',
        controlLink: 'Must be a URL',
      },
    });
  });

  it('rejects dates in the past', () => {
    const result = validateExceptionRequest(
      {
        ...requestFormValues({ findingIds: [1] }),
        category: 'other',
        reason: 'Long enough reason',
        reviewAt: '2026-03-01',
      },
      REF,
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      errors: { reviewAt: 'Must be today or later' },
    });
  });

  it('builds the body of a valid form, trimmed, without empty fields', () => {
    const values = {
      ...requestFormValues(
        requestPrefillOfFinding({
          id: 1,
          ruleId: 'CVE-2021-44228',
          cves: ['CVE-2021-44228'],
          category: 'dependency',
        }),
      ),
      category: 'false-positive-dispute',
      reason: '  Only on the build classpath  ',
      controlText: 'WAF rule',
    };
    expect(validateExceptionRequest(values, REF, NOW)).toEqual({
      ok: true,
      body: {
        entityRef: REF,
        scope: { type: 'findings', findingIds: [1] },
        reason: 'Only on the build classpath',
        category: 'false-positive-dispute',
        compensatingControl: { text: 'WAF rule' },
      },
    });
    expect(
      validateExceptionRequest(
        { ...values, scopeType: 'category', scopeCategory: '' },
        REF,
        NOW,
      ),
    ).toEqual({
      ok: false,
      errors: { scopeCategory: 'Choose which category of findings' },
    });
    expect(
      validateExceptionRequest({ ...values, scopeType: 'entity' }, REF, NOW),
    ).toMatchObject({ ok: true, body: { scope: { type: 'entity' } } });
  });

  it('reports problems outside the fields on the form', () => {
    const result = validateExceptionRequest(
      {
        ...requestFormValues({ findingIds: [1] }),
        category: 'x',
        reason: 'long enough text',
      },
      'not a ref',
      NOW,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.form).toMatch(/^entityRef: /);
  });
});
